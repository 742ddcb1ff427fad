// Every page from a phone-sized panel to a wide screen (issue 16 item 1): at 360, 390, 700,
// 1,024 and 1,440 px, light and dark, the document never scrolls sideways, the header keeps its
// quick lookup, colour toggle and account label inside the window, an organization's name reads
// whole (no letter-by-letter breaking, not cut), and axe finds nothing. With E2E_SCREENSHOTS=1
// each page is also written to .tmp/widths/ for a person to look at.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { API, expect, LIST, test, uniqueNameOfFixedWidth } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

const WIDTHS = [360, 390, 700, 1024, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, scheme: string) {
  const { width } = page.viewportSize() ?? { width: 0 };
  await saveScreenshot(page, `.tmp/widths/${name}-${width}-${scheme}.png`);
}

/** The document scrolls only downwards: nothing sticks out to the right (or left). */
async function expectNoHorizontalOverflow(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollWidth - root.clientWidth;
      }),
    )
    .toBeLessThanOrEqual(0);
}

/** Fully inside the window, horizontally. */
async function expectInsideWindow(page: Page, locator: ReturnType<Page['locator']>) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'has a box').not.toBeNull();
  if (box === null) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
}

/** The header's tools: quick lookup, colour toggle and the local-mode label, all in reach. */
async function expectHeaderInReach(page: Page, quickLookup: boolean) {
  const header = page.getByRole('banner');
  // Quick lookup belongs to a chatbot's pages (the Audit page is the console's own).
  if (quickLookup) {
    await expectInsideWindow(page, header.getByRole('button', { name: /Quick lookup/ }));
  }
  await expectInsideWindow(page, header.getByRole('button', { name: /colour scheme/ }));
  await expectInsideWindow(page, header.getByText('Local mode: no sign-in'));
}

/** The text of `locator` is not cut: its content fits its box (no ellipsis, no clipped end). */
async function expectNotCut(locator: ReturnType<Page['locator']>) {
  await expect(locator).toBeVisible();
  await expect
    .poll(() => locator.evaluate((element) => element.scrollWidth - element.clientWidth))
    .toBeLessThanOrEqual(1);
}

/** A heading wraps between words, never a letter per line: each line holds a whole word. */
async function expectWholeWordsPerLine(locator: ReturnType<Page['locator']>, longestWord: string) {
  await expect(locator).toBeVisible();
  const { width, wordWidth } = await locator.evaluate((element, word) => {
    const probe = document.createElement('span');
    probe.textContent = word;
    probe.style.whiteSpace = 'nowrap';
    element.appendChild(probe);
    const measured = probe.getBoundingClientRect().width;
    probe.remove();
    return { width: element.getBoundingClientRect().width, wordWidth: measured };
  }, longestWord);
  expect(width).toBeGreaterThanOrEqual(wordWidth - 1);
}

async function checkPage(page: Page, name: string, scheme: string, quickLookup = true) {
  await expectNoHorizontalOverflow(page);
  await expectHeaderInReach(page, quickLookup);
  await expectNoA11yViolations(page, ['header', 'main']);
  await shoot(page, name, scheme);
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    for (const width of WIDTHS) {
      test(`list, search results, new organization and audit at ${width} px`, async ({
        page,
        organizations,
      }) => {
        test.setTimeout(180_000);
        const name = uniqueNameOfFixedWidth('Thames Widths');
        await organizations.create({
          name,
          email: 'dispatch.office@thames-widths.example',
          website: 'https://thames-widths.example',
          industry: 'Logistics',
          address: { location: 'London', country: 'United Kingdom' },
        });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(LIST);
        await expect(page.getByText(/^[\d,]+ organizations$/)).toBeVisible();
        // The newest organization, first in the list: its name whole, its e-mail in view.
        const firstRow = page.getByRole('row').filter({ hasText: name });
        await expectNotCut(firstRow.getByRole('cell').first());
        await expectInsideWindow(
          page,
          firstRow.getByRole('cell').filter({ hasText: 'dispatch.office@thames-' }),
        );
        await checkPage(page, 'list', scheme);

        await page.goto(`${LIST}?q=${encodeURIComponent(name)}`);
        const results = page.getByRole('list', { name: 'Search results' });
        const hit = results.getByRole('link').filter({ hasText: name });
        await expect(hit).toBeVisible();
        await expectNotCut(hit.getByTitle(name, { exact: true }));
        await expectInsideWindow(
          page,
          hit.getByText('London, United Kingdom').filter({ visible: true }),
        );
        await checkPage(page, 'search', scheme);

        await page.goto(`${LIST}/new`);
        await expect(
          page.getByRole('heading', { level: 1, name: 'New organization' }),
        ).toBeVisible();
        await checkPage(page, 'new', scheme);

        await page.goto('/audit');
        await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
        // The filters take at most two rows' height of a narrow window (issue 14).
        const filters = page.getByRole('form', { name: 'Filter the audit trail' });
        const box = await filters.boundingBox();
        expect(box?.height ?? 0).toBeLessThanOrEqual(width < 700 ? 130 : 200);
        await checkPage(page, 'audit', scheme, false);
        if (width < 640) {
          // Folded behind "Filters": open, they are all there.
          await page.getByRole('button', { name: 'Filters' }).click();
          await expect(page.getByRole('textbox', { name: 'Person (e-mail)' })).toBeVisible();
          await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
          await expectNoHorizontalOverflow(page);
          await shoot(page, 'audit-filters-open', scheme);
        }
      });

      test(`an organization: overview, contacts and edit at ${width} px`, async ({
        page,
        request,
      }) => {
        test.setTimeout(180_000);
        // The seeded organization with hundreds of contacts (the seed's first).
        const found = await request.get(
          `${API}/search?query=Northwind%20Traders&page=1&pageSize=1`,
        );
        const { results } = (await found.json()) as {
          results: { hits: { organization: { id: string } }[] };
        };
        const id = results.hits[0]?.organization.id;
        expect(id).toBeDefined();
        const base = `${LIST}/${encodeURIComponent(id ?? '')}`;
        await page.setViewportSize({ width, height: 800 });
        await page.goto(base);
        const heading = page.getByRole('heading', { level: 1, name: 'Northwind Traders' });
        await expectWholeWordsPerLine(heading, 'Northwind');
        await checkPage(page, 'organization-overview', scheme);

        await page.goto(`${base}/contacts`);
        const contacts = page.getByRole('table', { name: 'Contacts' });
        await expect(contacts).toBeVisible();
        if (width >= 1024) {
          // A table: every column's header whole.
          for (const header of await contacts.getByRole('columnheader').all()) {
            await expectNotCut(header);
          }
        }
        // A table or, narrower, cards: a contact's name and e-mail are never a letter a line.
        const firstContact = contacts.getByRole('row').nth(1);
        await expectWholeWordsPerLine(firstContact.getByRole('cell').first(), 'DeShawn');
        await expectWholeWordsPerLine(firstContact.getByRole('cell').nth(1), 'deshawn.kim@');
        await checkPage(page, 'organization-contacts', scheme);

        await page.goto(`${base}/edit`);
        await expect(page.getByRole('textbox', { name: /^Name/ })).toBeVisible();
        await expectInsideWindow(page, page.getByRole('textbox', { name: /^Name/ }));
        await expectInsideWindow(page, page.getByRole('button', { name: 'Save changes' }));
        await checkPage(page, 'organization-edit', scheme);
      });
    }
  });
}
