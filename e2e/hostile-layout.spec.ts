// Stored text that tries to fake a highlight or break the layout: marks come only from what the
// search matched (stored `<mark>` tags show as text), no page grows wider than the window for a
// 200-character word, right-to-left overrides stay inside their field, and hidden characters
// are shown where data is edited.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { AS_API_CLIENT } from './api-client.ts';

const API = '/v1/chatbots/demo/organizations';
const LIST = '/chatbots/demo/organizations';

async function expectNoSideways(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${where}: the page is wider than the window`).toBeLessThanOrEqual(
    widths.client,
  );
}

test('stored mark tags show as text: only what the search matched is highlighted', async ({
  page,
  organizations,
}) => {
  const word = `zq${Date.now().toString(36)}`;
  const made = [
    await organizations.create({ name: `<mark>fake highlight</mark> ${word}` }),
    await organizations.create({ name: `</mark><img src=x onerror=alert(1)><mark> ${word}` }),
  ];
  await page.goto(`${LIST}?q=${word}`);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link')).toHaveCount(2);

  const fake = results.getByRole('link', { name: /fake highlight/ });
  await expect(fake).toContainText(`<mark>fake highlight</mark> ${word}`);
  await expect(fake.locator('mark')).toHaveText([word]);
  const breakout = results.getByRole('link', { name: /img src=x/ });
  await expect(breakout).toContainText(`</mark><img src=x onerror=alert(1)><mark> ${word}`);
  await expect(breakout.locator('mark')).toHaveText([word]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // The same in the quick lookup.
  await page.getByRole('button', { name: /Quick lookup/ }).click();
  const palette = page.getByRole('dialog', { name: 'Quick lookup of organizations' });
  await palette.getByRole('textbox', { name: 'Find an organization' }).fill(word);
  const hit = palette.getByRole('button', { name: /^<mark>fake highlight/ });
  await expect(hit).toContainText('<mark>fake highlight</mark>');
  await expect(hit.locator('mark')).toHaveText([word]);
  // Other tests look for the seeded organizations with these strings.
  for (const organization of made) await organizations.remove(organization.id);
});

test('a 200-character word in every field keeps every page within the window', async ({
  page,
  organizations,
}) => {
  test.setTimeout(240_000);
  const word = `W${'x'.repeat(199)}`;
  const organization = await organizations.create({
    name: word,
    email: word,
    website: word,
    industry: word,
    address: { street: word, houseNumber: word, zipcode: word, location: word, country: word },
  });
  await page.request.patch(`${API}/${encodeURIComponent(organization.id)}`, {
    headers: AS_API_CLIENT,
    data: { organization: { variables: { [word]: word } } },
  });
  const base = `${LIST}/${encodeURIComponent(organization.id)}`;
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const tab of ['', '/contacts', '/edit']) {
      await page.goto(`${base}${tab}`);
      await expect(page.getByRole('tab', { selected: true })).toBeVisible();
      await expectNoSideways(page, `${tab || 'overview'} at ${width}`);
    }
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete organization?' })).toBeVisible();
    await expectNoSideways(page, `delete dialog at ${width}`);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${LIST}?q=W${'x'.repeat(10)}`);
    await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
    await expectNoSideways(page, `search at ${width}`);
    await page.goto(LIST);
    await expect(page.getByRole('table', { name: 'Organizations' })).toBeVisible();
    await expectNoSideways(page, `list at ${width}`);
  }
});

test('a right-to-left override stays in its field; hidden characters show where data is edited', async ({
  page,
  organizations,
}) => {
  const organization = await organizations.create({
    name: `Bidi ${Date.now().toString(36)}`,
    industry: 'Two  spaces\u200band a zero-width one',
    address: { street: 'Right\u202eto-left override', houseNumber: '12', location: 'Berlin' },
  });
  await page.goto(`${LIST}/${encodeURIComponent(organization.id)}`);
  // Each part of the address isolated: the override cannot reach the house number.
  const address = page.locator('address');
  await expect(address.locator('bdi')).toHaveText(['Right\u202eto-left override', '12', 'Berlin']);

  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText('Hidden characters: 1 right-to-left override.')).toBeVisible();
  await expect(
    page.getByText('Hidden characters: 2 extra spaces, 1 zero-width space.'),
  ).toBeVisible();
  await expect(page.getByTitle('right-to-left override')).toHaveText('RLO');
  // Cleaned on request, and saved like any other change.
  await page
    .getByRole('group', { name: 'Address' })
    .getByRole('button', { name: 'Remove them' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Street' })).toHaveValue('Rightto-left override');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
});
