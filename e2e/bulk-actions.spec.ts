// Bulk actions on a check's queue, against a console of their own (BULK_E2E_PORT, seeded with 300
// organizations): after a scan, two findings selected with X get "Set the industry" — previewed
// (count, before → after), run (progress to done, the queue's count down by two) and undone (both
// back as they were, read through the API). The panel with a preview of hostile names and a
// finished job passes axe at 390 and 1,440 px, light and dark. With E2E_SCREENSHOTS=1,
// screenshots under .tmp/bulk-actions.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { AS_API_CLIENT } from './api-client.ts';
import type { OrganizationDto } from '../server/sandbox/types.ts';

const port = Number(process.env.BULK_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 24);
const ORIGIN = `http://localhost:${port}`;
const PAGE = `${ORIGIN}/chatbots/demo/data-quality`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: ORIGIN });

async function organization(id: string): Promise<OrganizationDto> {
  const answer = await fetch(`${ORIGIN}/v1/chatbots/demo/organizations/${encodeURIComponent(id)}`, {
    headers: AS_API_CLIENT,
  });
  return ((await answer.json()) as { organization: OrganizationDto }).organization;
}

async function scanned(page: Page) {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { name: 'Data quality', level: 1 })).toBeVisible();
  // Which button shows is known only once the overview has loaded (a skeleton until then): wait
  // for it, then start a scan only if there is none yet.
  const scanButton = page.getByRole('button', { name: /^(Start scan|Scan again|Cancel scan)$/ });
  await expect(scanButton).toBeVisible({ timeout: 30_000 });
  if ((await scanButton.textContent()) === 'Start scan') await scanButton.click();
  await expect(page.getByText(/Findings of the scan .* over 300 organizations/)).toBeVisible({
    timeout: 90_000,
  });
}

function findingCount(text: string | null): number {
  return Number(text?.match(/([\d,]+) findings/)?.[1]?.replace(/,/g, '') ?? NaN);
}

test('preview → run → undo of “Set the industry” on two selected findings', async ({ page }) => {
  test.setTimeout(180_000);
  await scanned(page);
  await page.goto(`${PAGE}/missingIndustry`);
  await expect(page.getByRole('heading', { name: 'Missing industry', level: 1 })).toBeVisible();
  const meta = page.getByText(/^[\d,]+ findings$/);
  await expect(meta).toBeVisible();
  const before = findingCount(await meta.textContent());

  // X selects the first, J moves on, X the second.
  const current = page.locator('[aria-current="true"]');
  await expect(current).toBeVisible();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByText('2 selected')).toBeVisible();
  const selectedNames = await page
    .getByRole('list', { name: 'Findings' })
    .getByRole('checkbox', { checked: true })
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')));
  expect(selectedNames).toHaveLength(2);

  await page.getByRole('button', { name: 'Bulk action…' }).click();
  const panel = page.getByRole('region', { name: 'Bulk action' });
  await expect(panel.getByRole('heading', { name: 'Bulk action' })).toBeFocused();
  await expect(panel.getByRole('radio', { name: 'The 2 selected' })).toBeChecked();
  await panel.getByRole('combobox', { name: 'Action' }).selectOption('setIndustry');
  // Previewing without a value says what is missing, and keys typed here stay in the panel.
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByText('Give the industry to set.')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Industry' }).fill('Bulk E2E');
  await page.keyboard.press('Enter');
  await expect(panel.getByText('Set the industry to “Bulk E2E”: 2 organizations')).toBeVisible();
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('industry (none) → Bulk E2E');
  await expect(page).toHaveURL(/missingIndustry$/); // nothing ran yet
  await expectNoA11yViolations(page, ['main']);

  await panel.getByRole('button', { name: 'Change 2 organizations' }).click();
  const job = panel.getByRole('group', { name: 'Bulk action' });
  await expect(job.getByRole('status')).toHaveText(
    /^Finished · 2 of 2 · 2 done, 0 skipped, 0 failed/,
    {
      timeout: 60_000,
    },
  );
  await expect(page).toHaveURL(/[?&]bulkJob=/);
  // The queue's count follows at once: those two have an industry now.
  await expect(page.getByText(`${(before - 2).toLocaleString('en')} findings`)).toBeVisible();
  const jobId = new URL(page.url()).searchParams.get('bulkJob') ?? '';
  const items = await fetch(`${ORIGIN}/console/chatbots/demo/bulk/jobs/${jobId}/items`, {
    headers: AS_API_CLIENT,
  });
  const ids = ((await items.json()) as { items: { recordId: string }[] }).items.map(
    (item) => item.recordId,
  );
  expect(ids).toHaveLength(2);
  for (const id of ids) expect((await organization(id)).industry).toBe('Bulk E2E');
  await expectNoA11yViolations(page, ['main']);

  await job.getByRole('button', { name: 'Undo' }).click();
  const undo = panel.getByRole('group', { name: 'Undo' });
  await expect(undo.getByRole('status')).toHaveText(/^Finished · 2 of 2 · 2 done/, {
    timeout: 60_000,
  });
  for (const id of ids) expect((await organization(id)).industry).toBeUndefined();
  await expect(job.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByText(`${before.toLocaleString('en')} findings`)).toBeVisible();

  // Every organization a search finds: resolved on the server, previewed the same way.
  await panel.getByRole('radio', { name: /^All that match a search/ }).check();
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByText('Type what to search for.')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Search' }).fill('GmbH');
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(
    panel.getByText(/^Set the industry to “Bulk E2E”: [\d,]+ organizations?$/),
  ).toBeVisible();

  // Esc closes the panel; the focus goes back to the button that opened it.
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/missingIndustry/);
  await expect(page.getByRole('button', { name: 'Bulk action…' })).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the bulk-action panel, ${scheme}, 390 and 1440 px`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await scanned(page);
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${PAGE}/missingIndustry`);
      await page.getByRole('button', { name: 'Bulk action…' }).click();
      const panel = page.getByRole('region', { name: 'Bulk action' });
      await expect(
        panel.getByRole('radio', { name: /^All [\d,]+ with this finding/ }),
      ).toBeChecked();
      await panel.getByRole('combobox', { name: 'Action' }).selectOption('setCountry');
      await panel.getByRole('textbox', { name: 'Country' }).fill('Germany');
      await panel.getByRole('button', { name: 'Preview' }).click();
      await expect(
        panel.getByText(/^Set the country to “Germany”: [\d,]+ organizations$/),
      ).toBeVisible();
      // Names (the seed plants markup and control characters in some) are shown as text only.
      await expect(panel.getByRole('table')).toBeVisible();
      await expect(panel.locator('img')).toHaveCount(0);
      await panel.getByRole('button', { name: 'Next' }).click();
      await expect(panel.getByRole('table').getByText(/^Organizations 21–/)).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/bulk-actions/preview-${width}-${scheme}.png`);
    }
  });
}
