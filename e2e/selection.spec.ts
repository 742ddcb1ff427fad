// Selection on the organizations page, against a console of its own (SELECTION_E2E_PORT, seeded
// with 300 organizations): rows checked by click, by keyboard (X) and by Shift+click survive a
// reload; a bulk action on them is previewed, run and undone (read back through the API); "all N
// matching" a search is exported and the file read back by a CSV parser, hostile names intact and
// no formula cell; a read-only console offers the export but no bulk action; the selection bar
// passes axe at 390 and 1,440 px, light and dark. With E2E_SCREENSHOTS=1, screenshots under
// .tmp/selection.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { OrganizationDto } from '../server/sandbox/types.ts';
import { AS_API_CLIENT } from './api-client.ts';
import { expectNoA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

const base = Number(process.env.E2E_PORT ?? 4180);
const port = Number(process.env.SELECTION_E2E_PORT ?? base + 25);
const readonlyPort = Number(process.env.READONLY_E2E_PORT ?? base + 1);
const ORIGIN = `http://localhost:${port}`;
const LIST = '/chatbots/demo/organizations';
const MARKER = 'Qxselectionzq';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: ORIGIN });

async function organization(id: string): Promise<OrganizationDto> {
  const answer = await fetch(`${ORIGIN}/v1/chatbots/demo/organizations/${encodeURIComponent(id)}`, {
    headers: AS_API_CLIENT,
  });
  return ((await answer.json()) as { organization: OrganizationDto }).organization;
}

const rows = (page: Page) =>
  page.getByRole('table', { name: 'Organizations' }).locator('[role=row][data-position]');
const bar = (page: Page) => page.getByRole('region', { name: 'Selection' });
/** The bar's count ("4 selected"), its first status (an export's progress is the second). */
const count = (page: Page) => bar(page).getByRole('status').first();

async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const saved = sessionStorage.getItem('organizations-selection:demo');
    return saved === null ? [] : (JSON.parse(saved) as { ids: string[] }).ids;
  });
}

test('rows checked by click, X and Shift+click → preview → run → undo', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(LIST);
  await expect(rows(page).nth(5)).toBeVisible();
  await expect(bar(page)).toHaveCount(0);

  // A click on the first row's box; X on the second row (focused); Shift+click on the fourth.
  await rows(page).nth(0).getByRole('checkbox').click();
  await expect(count(page)).toHaveText('1 selected');
  await rows(page).nth(1).getByRole('link').focus();
  await page.keyboard.press('x');
  await expect(rows(page).nth(1).getByRole('checkbox')).toBeChecked();
  await rows(page)
    .nth(3)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(count(page)).toHaveText('4 selected');
  for (const n of [0, 1, 2, 3]) await expect(rows(page).nth(n).getByRole('checkbox')).toBeChecked();
  await expect(rows(page).nth(4).getByRole('checkbox')).not.toBeChecked();
  // Space toggles too: off and on again.
  await page.keyboard.press(' ');
  await expect(count(page)).toHaveText('3 selected');
  await page.keyboard.press(' ');
  await expect(count(page)).toHaveText('4 selected');

  // A reload keeps it.
  await expect.poll(() => selectedIds(page)).toHaveLength(4);
  const ids = await selectedIds(page);
  const before = await Promise.all(ids.map(organization));
  await page.reload();
  await expect(count(page)).toHaveText('4 selected');
  await expect(rows(page).nth(2).getByRole('checkbox')).toBeChecked();

  await bar(page).getByRole('button', { name: 'Bulk action…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk action' });
  await expect(dialog.getByText('the 4 selected')).toBeVisible();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('Give the industry to set.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Industry' }).fill('Selection E2E');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(
    dialog.getByText('Set the industry to “Selection E2E”: 4 organizations'),
  ).toBeVisible();
  for (const o of before) expect((await organization(o.id)).industry).toBe(o.industry);

  await dialog.getByRole('button', { name: 'Change 4 organizations' }).click();
  const job = dialog.getByRole('group', { name: 'Bulk action' });
  await expect(job.getByRole('status')).toHaveText(/^Finished · 4 of 4 · 4 done/, {
    timeout: 60_000,
  });
  for (const id of ids) expect((await organization(id)).industry).toBe('Selection E2E');
  // The list shows what the job wrote.
  await expect(rows(page).nth(0)).toContainText('Selection E2E');

  await job.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('group', { name: 'Undo' }).getByRole('status')).toHaveText(
    /^Finished · 4 of 4 · 4 done/,
    { timeout: 60_000 },
  );
  for (const o of before) expect((await organization(o.id)).industry).toBe(o.industry);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/bulkJob/);

  await bar(page).getByRole('button', { name: 'Clear' }).click();
  await expect(bar(page)).toHaveCount(0);
  await expect(rows(page).nth(0).getByRole('checkbox')).not.toBeChecked();
});

test('all N matching a search → Export CSV → the file read back', async ({ page }) => {
  test.setTimeout(180_000);
  const hostileStrings = JSON.parse(
    readFileSync(new URL('../fixtures/hostile-strings.json', import.meta.url), 'utf8'),
  ) as string[];
  const hostile = hostileStrings.filter((text) => text.trim() !== '').slice(0, 40);
  const created: OrganizationDto[] = [];
  for (const name of hostile) {
    const answer = await fetch(`${ORIGIN}/v1/chatbots/demo/organizations`, {
      method: 'POST',
      headers: { ...AS_API_CLIENT, 'content-type': 'application/json' },
      body: JSON.stringify({ name, industry: MARKER }),
    });
    expect(answer.status).toBe(201);
    created.push(((await answer.json()) as { organization: OrganizationDto }).organization);
  }
  await page.goto(LIST);
  await page.getByRole('searchbox', { name: 'Search organizations' }).fill(MARKER);
  const all = page.getByRole('button', { name: `Select all ${created.length} matching` });
  await all.click();
  await expect(count(page)).toHaveText(`All ${created.length} matching “${MARKER}”`);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('checkbox').first()).toBeChecked();

  const download = page.waitForEvent('download');
  await bar(page).getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  await expect(bar(page).getByText(/^Downloaded search\.csv/)).toBeVisible();
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\ufeffid,name,')).toBe(true);
  const read = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  expect(read).toHaveLength(created.length);
  const byId = new Map(read.map((row) => [row.id, row]));
  for (const o of created) {
    // eslint-disable-next-line no-control-regex -- U+0000 is what the export drops
    const kept = o.name.replace(/\u0000/g, '');
    expect(byId.get(o.id)?.name).toBe(/^[=+\-@\t\r]/.test(kept) ? `'${kept}` : kept);
  }
  for (const row of read) {
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }

  // Unchecking one result leaves "all matching" for the other loaded ones.
  await results.getByRole('checkbox').first().click();
  await expect(count(page)).toHaveText(`${created.length - 1} selected`);
});

test('a read-only console offers the export but no bulk action', async ({ page }) => {
  await page.goto(`http://localhost:${readonlyPort}${LIST}`);
  await rows(page).nth(0).getByRole('checkbox').click();
  await expect(count(page)).toHaveText('1 selected');
  await expect(bar(page).getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await expect(bar(page).getByRole('button', { name: 'Bulk action…' })).toHaveCount(0);
  await bar(page).getByRole('button', { name: 'Clear' }).click();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the selection bar, ${scheme}, 390 and 1440 px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(LIST);
      await expect(rows(page).nth(3)).toBeVisible();
      const top = await rows(page).nth(3).boundingBox();
      await rows(page).nth(1).getByRole('checkbox').click();
      await rows(page)
        .nth(3)
        .getByRole('checkbox')
        .click({ modifiers: ['Shift'] });
      await expect(count(page)).toHaveText('3 selected');
      // The bar floats: no row moved when it came.
      expect(await rows(page).nth(3).boundingBox()).toEqual(top);
      // The pointer off the rows: a hovered row's link is under 4.5:1 in dark (the list's own
      // hover colour, not the selection's).
      await page.mouse.move(0, 0);
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/selection/list-${width}-${scheme}.png`);
      await page.getByRole('searchbox', { name: 'Search organizations' }).fill('GmbH');
      await expect(
        page.getByRole('button', { name: /^Select all [\d,]+ matching$/ }),
      ).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/selection/search-${width}-${scheme}.png`);
      await bar(page).getByRole('button', { name: 'Clear' }).click();
      await expect(bar(page)).toHaveCount(0);
    }
  });
}
