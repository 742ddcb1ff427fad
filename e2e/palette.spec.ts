import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';

const ORGANIZATIONS = '/chatbots/demo/organizations';

function palette(page: Page) {
  return page.getByRole('dialog', { name: 'Quick lookup of organizations' });
}

/** The organizations page, once the shell (and with it the shortcut) is up. */
async function openOrganizations(page: Page) {
  await page.goto(ORGANIZATIONS);
  await expect(page.getByRole('button', { name: /Quick lookup/ })).toBeVisible();
}

function paletteInput(page: Page) {
  return palette(page).getByRole('textbox', { name: 'Find an organization' });
}

test('Ctrl+K finds and opens an organization by keyboard alone, then offers it as recent', async ({
  page,
}) => {
  await openOrganizations(page);
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette(page)).toBeVisible();
  await expect(paletteInput(page)).toBeFocused();
  await expect(palette(page).getByText(/Organizations you open appear here/)).toBeVisible();

  await page.keyboard.type('nortwind', { delay: 30 });
  const northwind = palette(page).getByRole('button', { name: /^Northwind Traders/ });
  await expect(northwind).toBeVisible();
  await expect(northwind).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(/\/chatbots\/demo\/organizations\/[^/?]+$/);
  const organizationUrl = page.url();

  // Back on the list, the palette offers it before anything is typed; arrows and Enter open it.
  await openOrganizations(page);
  await page.keyboard.press('ControlOrMeta+k');
  const recent = palette(page).getByRole('button', { name: /^Northwind Traders/ });
  await expect(palette(page).getByRole('group', { name: 'Recently opened' })).toBeVisible();
  await expect(recent).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(recent).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(organizationUrl);
});

test('arrow keys move through hits, Escape closes, and it opens from inside a text field', async ({
  page,
}) => {
  await page.goto(ORGANIZATIONS);
  await page.getByRole('searchbox', { name: 'Search organizations' }).focus();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(paletteInput(page)).toBeFocused();
  await page.keyboard.type('gmbh');
  const actions = palette(page).locator('[data-action]');
  await expect(actions.nth(2)).toBeVisible();
  await expect(actions.nth(0)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(actions.nth(2)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(actions.nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
});

test('copy buttons copy the id, email and website', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openOrganizations(page);
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('northwind traders');
  await expect(palette(page).getByRole('button', { name: /^Northwind Traders/ })).toBeVisible();

  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await palette(page).getByRole('button', { name: 'Copy email of Northwind Traders' }).click();
  await expect.poll(clipboard).toBe('orders@northwindtraders.com');
  await palette(page).getByRole('button', { name: 'Copy website of Northwind Traders' }).click();
  await expect.poll(clipboard).toBe('https://www.northwindtraders.com');

  // By keyboard: Tab from the search field reaches the first row's copy-id button.
  await paletteInput(page).focus();
  await page.keyboard.press('Tab');
  const copyId = palette(page).getByRole('button', { name: 'Copy id of Northwind Traders' });
  await expect(copyId).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(clipboard).toMatch(/^[A-Za-z0-9]{20}$/);
});

test('hostile names in the palette are text, and the palette passes axe', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.alert = () => {
      (window as unknown as { __xss?: boolean }).__xss = true;
    };
  });
  await openOrganizations(page);
  await page.keyboard.press('ControlOrMeta+k');
  await expectNoSeriousA11yViolations(page);
  for (const query of ['img onerror', 'script', 'svg onload', 'iframe', 'style']) {
    await paletteInput(page).fill(query);
    await expect(palette(page).locator('[data-action]').first()).toBeVisible();
    await expect(
      palette(page)
        .getByRole('button', { name: new RegExp(query.split(' ')[0]!) })
        .first(),
    ).toBeVisible();
    const foreign = await palette(page).evaluate((root) =>
      [
        ...root.querySelectorAll(
          'img, script, iframe, style, svg:not(.tabler-icon), object, embed',
        ),
      ].map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(foreign).toEqual([]);
  }
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: '.tmp/search-ui/palette-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await paletteInput(page).fill('müller');
  await expect(palette(page).locator('[data-action]').first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '.tmp/search-ui/palette-dark.png' });
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss),
  ).toBeUndefined();
});
