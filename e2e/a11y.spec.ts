// Every page and dialog of the console, light and dark, at 390 and 1,440 px, with no axe
// violation of any impact (scans scoped to the part that changed, so they stay fast on a busy
// machine). With E2E_SCREENSHOTS=1, a screenshot of each under .tmp/a11y for a person to look at.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { expect, LIST, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [390, 1440] as const;

async function shoot(page: Page, name: string, scheme: string) {
  const { width } = page.viewportSize() ?? { width: 0 };
  await saveScreenshot(page, `.tmp/a11y/${name}-${width}-${scheme}.png`);
}

const MAIN = ['header', 'main'];
const DIALOG = ['[role=dialog]'];

for (const scheme of SCHEMES) {
  test.describe(`${scheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('list, search results, not-found page', async ({ page }) => {
      test.setTimeout(180_000);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(LIST);
        await expect(page.getByText(/^[\d,]+ organizations$/)).toBeVisible();
        await expectNoA11yViolations(page, MAIN);
        await shoot(page, 'list', scheme);

        await page.goto(`${LIST}?q=${encodeURIComponent('müller')}`);
        await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
        await expectNoA11yViolations(page, ['main']);
        await shoot(page, 'search', scheme);
      }
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expectNoA11yViolations(page, ['main']);
    });

    test('organization tabs, its forms and notes, and its dialogs', async ({
      page,
      organizations,
    }) => {
      test.setTimeout(240_000);
      const organization = await organizations.create({
        name: `A11y ${scheme} ${Date.now().toString(36)}`,
        website: 'stored-without-scheme.example',
        email: 'info(at)stored.example',
        size: 2.5,
        industry: 'Zero\u200bwidth  double',
        address: { street: 'Right\u202eto-left', houseNumber: '12', location: 'Berlin' },
      });
      const base = `${LIST}/${encodeURIComponent(organization.id)}`;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const tab of ['', '/contacts', '/edit']) {
          await page.goto(`${base}${tab}`);
          await expect(page.getByRole('tab', { selected: true })).toBeVisible();
          await page.waitForLoadState('networkidle');
          await expectNoA11yViolations(page, ['main']);
          await shoot(page, `organization${tab.replace('/', '-') || '-overview'}`, scheme);
        }
      }
      // The edit form with the notes of stored values and hidden characters, and a draft kept.
      await page.getByRole('textbox', { name: 'Industry' }).focus();
      await page.keyboard.type('!');
      await expect(page.getByText('Hidden characters:').first()).toBeVisible();
      await expect(page.getByText('The stored web address has no http')).toBeVisible();
      await expectNoA11yViolations(page, ['main']);

      // Leaving asks.
      await page.getByRole('link', { name: 'All organizations' }).click();
      await expect(page.getByRole('dialog', { name: 'Leave with unsaved changes?' })).toBeVisible();
      await expectNoA11yViolations(page, DIALOG);
      await shoot(page, 'dialog-leave', scheme);
      await page.getByRole('button', { name: 'Stay and keep editing' }).click();

      // Delete asks.
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete organization?' })).toBeVisible();
      await expectNoA11yViolations(page, DIALOG);
      await shoot(page, 'dialog-delete', scheme);
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Someone saved meanwhile: the review of both versions.
      await organizations.update(organization.id, { industry: 'Saved meanwhile' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(
        page.getByRole('dialog', { name: 'This organization was changed meanwhile' }),
      ).toBeVisible();
      await expectNoA11yViolations(page, DIALOG);
      await shoot(page, 'dialog-lost-update', scheme);
      await page.getByRole('button', { name: 'Keep editing' }).click();

      // The draft, from an older version now: its review, after a reload.
      page.on('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await expect(page.getByText('Unsaved changes from an earlier visit')).toBeVisible();
      await expectNoA11yViolations(page, ['main']);
      await shoot(page, 'draft-review', scheme);
      await page.getByRole('button', { name: 'Discard the draft' }).click();
    });

    test('new organization, quick lookup, the connection banner', async ({ page }) => {
      test.setTimeout(180_000);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${LIST}/new`);
        await expect(
          page.getByRole('heading', { level: 1, name: 'New organization' }),
        ).toBeVisible();
        await expectNoA11yViolations(page, ['main']);
        await shoot(page, 'new', scheme);
      }

      await page.goto(LIST);
      await expect(page.getByText(/^[\d,]+ organizations$/)).toBeVisible();
      await page.getByRole('button', { name: /Quick lookup/ }).click();
      const palette = page.getByRole('dialog', { name: 'Quick lookup of organizations' });
      await palette
        .getByRole('textbox', { name: 'Find an organization' })
        .fill('northwind traders');
      await expect(palette.getByText('Northwind Traders').first()).toBeVisible();
      await expectNoA11yViolations(page, DIALOG);
      await shoot(page, 'palette', scheme);
      await page.keyboard.press('Escape');

      // Nothing answers: the banner, said in words, and the page still there. (Opening a page
      // that asks nothing of the server would not show it: a search asks.)
      await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
      await page.route('**/console/**', (route) => route.abort('connectionrefused'));
      await page.getByRole('searchbox', { name: 'Search organizations' }).fill('northwind');
      await expect(
        page.getByRole('status').filter({ hasText: 'The console server cannot be reached.' }),
      ).toBeVisible();
      await expectNoA11yViolations(page, MAIN);
      await shoot(page, 'outage-banner', scheme);
    });
  });
}
