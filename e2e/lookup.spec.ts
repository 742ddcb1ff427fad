// The compact lookup page (/chatbots/:chatbotId/lookup, lookup.html): by keyboard, its deep links,
// the server's render of an ?email= link (there before any script runs, adopted by React), its
// copy buttons, pins across a reload (local mode: kept in the browser), and axe at 390 px in both
// schemes. The console runs in local mode here; pins kept on the server are tested in
// server/pins/pin-routes.test.ts.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { CHATBOT, expect, test, uniqueName } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { collectPageErrors } from './page-errors.ts';

const LOOKUP = `/chatbots/${CHATBOT}/lookup`;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Look up an organization' });
const results = (page: Page) => page.getByRole('list', { name: 'Organizations found' });
const rows = (page: Page) =>
  results(page)
    .getByRole('listitem')
    .filter({ has: page.locator('a') });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('by keyboard: focused on load, ↓/↑ choose, Enter opens the organization', async ({
  page,
  organizations,
}) => {
  const word = uniqueName('Keyfinder').split(' ')[1]!;
  const first = await organizations.create({ name: `Alpha ${word}` });
  const second = await organizations.create({ name: `Beta ${word}` });
  await page.goto(LOOKUP);
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(word);
  await expect(rows(page)).toHaveCount(2);
  // The first result is the chosen one, its matched word highlighted.
  await expect(rows(page).first()).toHaveAttribute('aria-current', 'true');
  await expect(rows(page).first().locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  const chosenName = async () =>
    (await results(page).locator('[aria-current="true"] a').first().textContent()) ?? '';
  const firstName = await chosenName();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown'); // stays on the last
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(rows(page).first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  const secondName = await chosenName();
  expect(new Set([firstName, secondName])).toEqual(new Set([first.name, second.name]));
  const target = secondName === first.name ? first : second;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    new RegExp(`/chatbots/${CHATBOT}/organizations/${encodeURIComponent(target.id)}$`),
  );
  await expect(page.getByRole('heading', { name: target.name })).toBeVisible();
});

test('?email= searches the domain, ?email= at a free-mail domain the address, ?name= and ?q=', async ({
  page,
  organizations,
}) => {
  const tag = uniqueName('x').split(' ')[1]!;
  const domain = `lookup-${tag}.example`;
  const byDomain = await organizations.create({
    name: uniqueName('Domain Holder'),
    website: `https://www.${domain}`,
    email: `info@${domain}`,
  });
  const freeMail = `ada.${tag}@gmail.com`;
  const byAddress = await organizations.create({ name: uniqueName('Gmail User'), email: freeMail });
  const byName = await organizations.create({ name: `Nominal ${tag}` });

  await page.goto(`${LOOKUP}?email=${encodeURIComponent(`someone@${domain}`)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByRole('link')).toHaveText(byDomain.name);
  await expect(page.getByText(`1 found for “${domain}”.`)).toBeVisible();
  await expect(searchBox(page)).toHaveValue(domain);

  await page.goto(`${LOOKUP}?email=${encodeURIComponent(freeMail)}`);
  await expect(rows(page).first().getByRole('link')).toHaveText(byAddress.name);
  // gmail.com names no organization: the address itself is what was searched.
  await expect(page.getByText(`found for “${freeMail}”`)).toBeVisible();

  // A company domain that finds nothing: then the address.
  await page.goto(
    `${LOOKUP}?email=${encodeURIComponent(`info@${domain.replace('lookup', 'none')}`)}`,
  );
  await expect(page.getByText(/^Nothing found for “none-/)).toBeVisible();

  await page.goto(`${LOOKUP}?name=${encodeURIComponent(byName.name)}`);
  await expect(rows(page).first().getByRole('link')).toHaveText(byName.name);
  await page.goto(`${LOOKUP}?q=${encodeURIComponent(tag)}`);
  await expect(rows(page).first()).toBeVisible();
  await expect(searchBox(page)).toHaveValue(tag);
});

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('an ?email= link’s HTML holds the chosen first result, its match highlighted', async ({
    page,
    organizations,
  }) => {
    const domain = `first-${uniqueName('x').split(' ')[1]!}.example`;
    const holder = await organizations.create({
      name: uniqueName('First Result'),
      website: `https://www.${domain}`,
      email: `info@${domain}`,
    });
    await page.goto(`${LOOKUP}?email=${encodeURIComponent(`someone@${domain}`)}`);
    // The server's render, as the bench's probe (bench/lookup.ts) meets it: no script has run.
    const chosen = page.locator('li[aria-current="true"]');
    await expect(chosen).toHaveCount(1);
    await expect(chosen.getByRole('link')).toHaveText(holder.name);
    await expect(chosen.locator('mark').first()).toBeVisible();
    await expect(chosen).toContainText(`info@${domain}`);
    await expect(page.getByText(`1 found for “${domain}”.`)).toBeVisible();
    await expect(searchBox(page)).toHaveValue(domain);
  });
});

test('the browser adopts the server’s results: the same row, no hydration error', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  // The chosen row as the parser inserted it, before the lookup's script ran.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const row = document.querySelector('li[aria-current="true"]');
      if (row === null) return;
      (window as unknown as { serverRow: Element }).serverRow = row;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${LOOKUP}?email=${encodeURIComponent('someone@northwindtraders.com')}`);
  const northwind = rows(page).filter({ hasText: 'Northwind Traders' }).first();
  // The contacts count comes from a request React makes: React runs the page by then.
  await expect(northwind).toContainText(/\d[\d,]* contacts/);
  await expect(searchBox(page)).toBeFocused();
  expect(
    await page.evaluate(() => {
      const serverRow = (window as unknown as { serverRow?: Element }).serverRow;
      return (
        serverRow !== undefined && serverRow === document.querySelector('li[aria-current="true"]')
      );
    }),
  ).toBe(true);
  expect(errors).toEqual([]);
});

test('copy buttons and keys copy e-mail, website and id; a contact’s e-mail and phone', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${LOOKUP}?email=${encodeURIComponent('someone@northwindtraders.com')}`);
  const northwind = rows(page).filter({ hasText: 'Northwind Traders' }).first();
  await expect(northwind).toBeVisible();
  await expect(northwind).toContainText(/\d[\d,]* contacts/);
  await northwind.getByRole('button', { name: 'Copy e-mail of Northwind Traders' }).click();
  await expect.poll(() => clipboard(page)).toBe('orders@northwindtraders.com');
  await northwind.getByRole('button', { name: 'Copy website of Northwind Traders' }).click();
  await expect.poll(() => clipboard(page)).toBe('https://www.northwindtraders.com');
  await expect(page.getByText('Copied the website of Northwind Traders.')).toBeAttached();

  // Alt+I copies the chosen result's id.
  await searchBox(page).focus();
  await page.keyboard.press('Alt+KeyI');
  await expect.poll(() => clipboard(page)).toMatch(/^\S+$/);
  const id = await clipboard(page);
  await expect(northwind.getByRole('link')).toHaveAttribute(
    'href',
    `/chatbots/${CHATBOT}/organizations/${encodeURIComponent(id)}`,
  );

  // Its contacts, expanded: each e-mail and phone has its own copy button.
  await northwind.getByRole('button', { name: 'Contacts of Northwind Traders' }).click();
  const contacts = page.getByRole('list', { name: 'Contacts of Northwind Traders' });
  const contactEmail = contacts.getByRole('button', { name: /^Copy e-mail of / }).first();
  await expect(contactEmail).toBeVisible();
  await contactEmail.click();
  await expect.poll(() => clipboard(page)).toMatch(/^[^@\s]+@[^@\s]+$/);
  const phone = contacts.getByRole('button', { name: /^Copy phone of / }).first();
  await phone.click();
  await expect.poll(() => clipboard(page)).toMatch(/\d/);
});

test('pins are offered before typing and survive a reload', async ({ page, organizations }) => {
  const pinned = await organizations.create({ name: uniqueName('Pinworthy') });
  await page.goto(LOOKUP);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText(/Type a name, an e-mail, a domain or a city/)).toBeVisible();
  await searchBox(page).fill(pinned.name);
  const row = rows(page).filter({ hasText: pinned.name });
  await row.getByRole('button', { name: `Pin ${pinned.name}` }).click();
  await expect(row.getByRole('button', { name: `Pin ${pinned.name}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.reload();
  const pinnedSection = page.getByRole('region', { name: 'Pinned' });
  await expect(pinnedSection.getByRole('link', { name: pinned.name })).toBeVisible();
  // Alt+P on the chosen (first) one unpins it.
  await searchBox(page).focus();
  await page.keyboard.press('Alt+KeyP');
  await expect(pinnedSection).toBeHidden();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pinned' })).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing at 390 px, ${scheme}; screenshots at 390 and 1,440 px`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${LOOKUP}?email=${encodeURIComponent('someone@northwindtraders.com')}`);
    const northwind = rows(page).filter({ hasText: 'Northwind Traders' }).first();
    await expect(northwind).toContainText(/contacts/);
    await northwind.getByRole('button', { name: 'Contacts of Northwind Traders' }).click();
    await expect(page.getByRole('list', { name: 'Contacts of Northwind Traders' })).toBeVisible();
    // No horizontal scrolling at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await expectNoA11yViolations(page);
    await saveScreenshot(page, `.tmp/lookup/lookup-390-${scheme}.png`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await saveScreenshot(page, `.tmp/lookup/lookup-1440-${scheme}.png`);
    await page.goto(LOOKUP);
    await expect(searchBox(page)).toBeFocused();
    await expectNoA11yViolations(page);
    await saveScreenshot(page, `.tmp/lookup/lookup-empty-1440-${scheme}.png`);
  });
}
