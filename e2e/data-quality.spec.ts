// The Data quality page against its own console server (DATA_QUALITY_E2E_PORT, seeded with 1,500
// organizations): a scan started from the page runs and shows, per check, the count the checks
// give over every organization the API lists; one check's queue, worked by keyboard alone, fixes
// a record; both CSV exports download and read back; axe finds nothing at 390 and 1,440 px,
// light and dark. With E2E_SCREENSHOTS=1, screenshots under .tmp/data-quality.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { AS_API_CLIENT } from './api-client.ts';
import { walkOrganizations } from '../server/cleanup/api-reader.ts';
import { checkRecord } from '../server/cleanup/checks/record-checks.ts';
import { groupFindings, profileOf } from '../server/cleanup/checks/group-checks.ts';
import { CHECKS, CHECK_NAMES } from '../server/cleanup/checks/catalogue.ts';
import type { OrganizationDto } from '../server/sandbox/types.ts';

const port = Number(process.env.DATA_QUALITY_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 20);
const ORIGIN = `http://localhost:${port}`;
const PAGE = `${ORIGIN}/chatbots/demo/data-quality`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: ORIGIN });

/** What the checks count over every organization, read through the console's /v1 as a client. */
async function expectedCounts(): Promise<Map<string, number>> {
  const api = async (request: Request) =>
    fetch(new URL(new URL(request.url).pathname + new URL(request.url).search, ORIGIN), {
      headers: AS_API_CLIENT,
    });
  const organizations: OrganizationDto[] = [];
  for await (const page of walkOrganizations(api, 'demo', { kind: 'newest' })) {
    organizations.push(...page.organizations);
  }
  const counts = new Map<string, number>();
  const add = (check: string) => counts.set(check, (counts.get(check) ?? 0) + 1);
  for (const organization of organizations) for (const f of checkRecord(organization)) add(f.check);
  for (const f of groupFindings(organizations.map(profileOf))) add(f.check);
  return counts;
}

async function scanToTheEnd(page: Page) {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { name: 'Data quality', level: 1 })).toBeVisible();
  const start = page.getByRole('button', { name: /^(Start scan|Scan again)$/ });
  await start.click();
  // The scan's progress shows while it runs, then the findings of the new scan.
  await expect(page.getByText(/Findings of the scan .* over 1,500 organizations/)).toBeVisible({
    timeout: 90_000,
  });
}

function checkLink(page: Page, check: keyof typeof CHECKS) {
  return page.getByRole('link', { name: new RegExp(`^${CHECKS[check].title}`) });
}

test('a scan shows each check’s count, equal to the checks over every organization', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/chatbots/demo/organizations');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Data quality' })
    .click();
  await expect(page).toHaveURL(/\/chatbots\/demo\/data-quality$/);
  await scanToTheEnd(page);
  const expected = await expectedCounts();
  for (const check of CHECK_NAMES) {
    const count = (expected.get(check) ?? 0).toLocaleString('en');
    await expect(checkLink(page, check)).toHaveText(new RegExp(`${count}\\s*(findings?)?$`));
  }
  await expect(page.getByRole('figure', { name: 'Countries' })).toContainText('Germany');
});

test('a queue worked by keyboard alone fixes a record', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(PAGE);
  const link = checkLink(page, 'invalidEmail');
  await expect(link).toBeVisible();
  const before = Number(
    (await link.textContent())?.match(/([\d,]+)\s*findings?$/)?.[1]?.replace(/,/g, ''),
  );
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Invalid e-mail', level: 1 })).toBeVisible();
  await expectNoA11yViolations(page, ['main']);

  // J and K move through the queue; the record's fields load beside each finding.
  const current = page.locator('[aria-current="true"]');
  const first = await current.textContent();
  await page.keyboard.press('j');
  await expect(current).not.toHaveText(first ?? '');
  await page.keyboard.press('k');
  await expect(current).toHaveText(first ?? '');
  // X selects it.
  await page.keyboard.press('x');
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(page.getByRole('definition').first()).toBeVisible();

  // E edits in place (the suggested fix, or the value), Enter saves through the update path.
  await page.keyboard.press('e');
  const input = page.getByRole('textbox', { name: /New e-mail/ });
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('fixed-by-keyboard@example.com');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${(before - 1).toLocaleString('en')} findings`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /New e-mail/ })).toHaveCount(0);

  // Esc goes back to the overview, whose count went down at once.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/data-quality$/);
  await expect(checkLink(page, 'invalidEmail')).toHaveText(
    new RegExp(`${(before - 1).toLocaleString('en')}\\s*findings?$`),
  );
});

test('exports download as CSV with a BOM, hostile strings intact and no formula cell', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${PAGE}/markupOrControl`);
  await expect(page.getByRole('heading', { name: 'Markup or control characters' })).toBeVisible();
  const [findings] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  expect(findings.suggestedFilename()).toBe('markupOrControl.csv');
  const text = readFileSync(await findings.path(), 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(100);
  expect(rows.some((row) => row.value === '<img src=x onerror=alert(1)>')).toBe(true);
  for (const row of rows) {
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }
  await expect(page.getByText(/Downloaded markupOrControl\.csv/)).toBeVisible();

  await page.goto(PAGE);
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all as CSV' }).click(),
  ]);
  const everything = parse(readFileSync(await all.path(), 'utf8').slice(1), {
    columns: true,
  }) as Record<string, string>[];
  expect(everything.length).toBe(1_500);
  expect(new Set(everything.map((row) => row.id)).size).toBe(1_500);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the overview and a queue, ${scheme}, 390 and 1440 px`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(PAGE);
      await expect(checkLink(page, 'duplicateName')).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/data-quality/overview-${width}-${scheme}.png`);
      await page.goto(`${PAGE}/duplicateName`);
      await expect(page.getByRole('list', { name: 'Findings' })).toBeVisible();
      await expect(page.getByRole('definition').first()).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/data-quality/queue-${width}-${scheme}.png`);
    }
  });
}
