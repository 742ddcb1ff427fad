// Merging likely duplicates against a console of its own (MERGE_E2E_PORT, seeded with 300
// organizations, so the other specs' counts do not move with its deletes): a group without
// contacts merged (the others deleted, the survivor with the values chosen), a group where a
// record with contacts is kept and marked duplicateOf, the queue's M key, hostile strings shown as
// text, axe at 390 and 1,440 px, light and dark. With E2E_SCREENSHOTS=1, screenshots under
// .tmp/merge-duplicates.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { API, expect, test, uniqueName, type Organization } from './fixtures.ts';
import { AS_API_CLIENT } from './api-client.ts';
import { saveScreenshot } from './screenshots.ts';
import { nameKey } from '../server/cleanup/checks/fold.ts';
import { findingKey } from '../server/cleanup/checks/group-checks.ts';

const port = Number(process.env.MERGE_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 21);
const ORIGIN = `http://localhost:${port}`;
const HOSTILE = '<img src=x onerror=alert(1)>';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: ORIGIN });

async function scan(page: Page) {
  await page.goto('/chatbots/demo/data-quality');
  await page.getByRole('button', { name: /^(Start scan|Scan again)$/ }).click();
  await expect(page.getByText(/Findings of the scan .* over [\d,]+ organizations/)).toBeVisible({
    timeout: 90_000,
  });
}

function mergeUrl(name: string) {
  const key = findingKey('name', nameKey(name));
  return `/chatbots/demo/data-quality/duplicateName/merge?${new URLSearchParams({ key })}`;
}

/**
 * Opens the merge page of `name`'s group once a scan holds it. Tests run side by side share the
 * scan: when `scan` returns, the findings shown may be those of a scan another test started
 * before this test's records existed, while this test's own scan still runs.
 */
async function openMergePage(page: Page, name: string) {
  await expect(async () => {
    await page.goto(mergeUrl(name));
    await expect(page.getByRole('table')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
}

test('a group without contacts: the survivor takes the values chosen, the others go', async ({
  page,
  organizations,
}) => {
  test.setTimeout(180_000);
  const name = uniqueName('Zebrafinch Merge');
  const first = await organizations.create({ name: `${name} GmbH`, email: 'info@zebra.example' });
  const second = await organizations.create({
    name: name.toUpperCase(),
    website: 'https://zebra.example',
    industry: HOSTILE,
  });
  await organizations.update(second.id, { variables: { plan: 'gold', note: HOSTILE } });
  await organizations.update(first.id, { variables: { plan: 'silver' } });
  await scan(page);

  await openMergePage(page, name);
  await expect(page.getByRole('heading', { name: 'Merge duplicates', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  // Hostile values are text, never markup.
  await expect(table.getByText(HOSTILE).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Keep the first record, with the second's name and its plan, by keyboard.
  await page.getByRole('radio', { name: `Keep ${first.name}` }).check();
  await page.getByRole('radio', { name: `Name: ${second.name}, from ${second.name}` }).check();
  await page.getByRole('radio', { name: `Variable “plan”: gold, from ${second.name}` }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Preview the merge' }).click();

  const changes = page.getByRole('definition');
  await expect(page.getByText(`${first.name} stays`)).toBeVisible();
  await expect(changes.filter({ hasText: `“${first.name}” → “${second.name}”` })).toBeVisible();
  await expect(changes.filter({ hasText: '“silver” → “gold”' })).toBeVisible();
  await expect(page.getByText(`${second.name}: deleted (it has no contacts).`)).toBeVisible();
  await page.getByRole('button', { name: 'Merge 2 records' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();

  const survivor = await organizations.get(first.id);
  expect(survivor.organization).toMatchObject({
    name: second.name,
    email: 'info@zebra.example',
    website: 'https://zebra.example',
    industry: HOSTILE,
    variables: { plan: 'gold', note: HOSTILE },
  });
  expect((await organizations.get(second.id)).status).toBe(404);
});

test('a record with contacts is kept and marked duplicateOf, and the page says why', async ({
  page,
  request,
  organizations,
}) => {
  test.setTimeout(180_000);
  // A seeded organization with contacts: the API cannot move them, so it must stay.
  const list = await request.get(`${API}?limit=250`, { headers: AS_API_CLIENT });
  const seeded = ((await list.json()) as { organizations: Organization[] }).organizations;
  let withContacts: Organization | undefined;
  let contactCount = 0;
  for (const organization of seeded) {
    const count = await request.get(`${API}/${organization.id}/contacts/count`, {
      headers: AS_API_CLIENT,
    });
    contactCount = ((await count.json()) as { count?: number }).count ?? 0;
    if (contactCount > 0) {
      withContacts = organization;
      break;
    }
  }
  expect(withContacts, 'the seed has an organization with contacts').toBeDefined();
  const kept = withContacts!;
  const duplicate = await organizations.create({ name: kept.name, email: 'new@dup.example' });
  await scan(page);

  await openMergePage(page, kept.name);
  // Only these two compared (the seed may hold more of this name).
  const group = page.getByRole('group', { name: /Records to compare/ });
  for (const box of await group.getByRole('checkbox').all()) {
    const id = await box.evaluate((element) => (element as HTMLInputElement).value);
    if ((id === kept.id || id === duplicate.id) !== (await box.isChecked())) {
      await box.click();
    }
  }
  await expect(page.getByRole('radio', { name: /^Keep / })).toHaveCount(2);
  // The record with contacts is offered as the one that stays; keep the new one instead.
  const keep = (id: string) => page.locator(`input[name="survivor"][value="${id}"]`);
  await expect(keep(kept.id)).toBeChecked();
  await keep(duplicate.id).check();
  await page.getByRole('button', { name: 'Preview the merge' }).click();
  await expect(page.getByText(/because it has (a contact|[\d,]+ contacts)/)).toBeVisible();
  await expect(page.getByText(/The API cannot move contacts/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Merge 2 records' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();
  await expect(page.getByText(/kept, marked duplicateOf: it has/)).toBeVisible();

  const marked = await organizations.get(kept.id);
  expect(marked.organization?.variables.duplicateOf).toBe(duplicate.id);
  const count = await request.get(`${API}/${kept.id}/contacts/count`, { headers: AS_API_CLIENT });
  expect(((await count.json()) as { count?: number }).count).toBe(contactCount);
  // Put the seeded record back as it was.
  await organizations.update(kept.id, { variables: kept.variables });
});

test('M opens the group of the current duplicate finding', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/chatbots/demo/data-quality/duplicateName');
  await expect(page.getByRole('list', { name: 'Findings' })).toBeVisible();
  await page.keyboard.press('m');
  await expect(page).toHaveURL(/\/data-quality\/duplicateName\/merge\?key=/);
  await expect(page.getByRole('table')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the merge page, ${scheme}, 390 and 1440 px`, async ({
    page,
    organizations,
  }) => {
    test.setTimeout(180_000);
    const name = uniqueName('Axe Merge');
    await organizations.create({ name, industry: HOSTILE });
    await organizations.create({ name: `${name} Ltd`, industry: 'Retail' });
    await scan(page);
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await openMergePage(page, name);
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/merge-duplicates/compare-${width}-${scheme}.png`);
      await page.getByRole('button', { name: 'Preview the merge' }).click();
      await expect(page.getByText(/stays$/)).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await saveScreenshot(page, `.tmp/merge-duplicates/preview-${width}-${scheme}.png`);
    }
  });
}
