import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { fromPage } from './page-request.ts';
import { saveScreenshot } from './screenshots.ts';

const ORGANIZATIONS = '/chatbots/demo/organizations';
const SCREENSHOTS = '.tmp/search-ui';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search organizations' });
}

function results(page: Page) {
  return page.getByRole('list', { name: 'Search results' });
}

function summary(page: Page) {
  return page.getByRole('status').filter({ hasText: /organizations? match/ });
}

/** Elements no API text may create; Tabler's own icons are the only svg the app draws. */
async function foreignElements(page: Page, selector: string) {
  return page
    .locator(selector)
    .evaluateAll((roots) =>
      roots.flatMap((root) =>
        [
          ...root.querySelectorAll(
            'img, script, iframe, style, svg:not(.tabler-icon), object, embed',
          ),
        ].map((element) => element.outerHTML.slice(0, 80)),
      ),
    );
}

/** Whether the element's scroll position is the same two animation frames from now. */
async function scrollHoldsForTwoFrames(element: Element): Promise<boolean> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const before = element.scrollTop;
  await frame();
  await frame();
  return element.scrollTop === before;
}

test('results appear as one types, with highlights, a summary and the text in the URL', async ({
  page,
}) => {
  await page.goto(ORGANIZATIONS);
  await searchBox(page).pressSequentially('northwind', { delay: 40 });
  await expect(page).toHaveURL(/\?q=northwind$/);
  const row = results(page).getByRole('link', { name: /Northwind Traders/ });
  await expect(row).toBeVisible();
  await expect(row.locator('mark').first()).toHaveText(/Northwind/i);
  await expect(summary(page)).toContainText(
    /of [\d,]+ organizations match “northwind” · searched in [\d.,]+ ms/,
  );
  // Beside its place, its contacts count (what tells look-alikes apart) once it has come.
  const found = await fromPage(
    page,
    '/v1/chatbots/demo/organizations/search?query=northwind%20traders&page=1&pageSize=20',
  );
  const hits = (found.body.results as { hits: { organization: { id: string; name: string } }[] })
    .hits;
  const id = hits.find((hit) => hit.organization.name === 'Northwind Traders')!.organization.id;
  const counted = await fromPage(
    page,
    `/v1/chatbots/demo/organizations/${encodeURIComponent(id)}/contacts/count`,
  );
  const count = counted.body.count as number;
  await expect(row).toContainText(
    count === 1 ? '1 contact' : `${count.toLocaleString('en')} contacts`,
  );

  // A shared link opens the same search.
  await page.goto(`${ORGANIZATIONS}?q=northwind`);
  await expect(searchBox(page)).toHaveValue('northwind');
  await expect(results(page).getByRole('link', { name: /Northwind Traders/ })).toBeVisible();
});

test('a misspelt query still finds the organization', async ({ page }) => {
  await page.goto(ORGANIZATIONS);
  await searchBox(page).fill('nortwind tradrs');
  await expect(results(page).getByRole('link', { name: /Northwind Traders/ })).toBeVisible();
});

test('words left out are named; ↓ goes from the box through the results and Enter opens one', async ({
  page,
}) => {
  await page.goto(ORGANIZATIONS);
  await searchBox(page).fill('nort wind');
  await expect(
    page.getByRole('status').filter({ hasText: 'No match for all words' }),
  ).toContainText(
    /No match for all words; showing matches for “nort” \(“wind” left out\): [\d,]+ of [\d,]+ organizations/,
  );

  await searchBox(page).fill('thames');
  const first = results(page).getByRole('link').first();
  await expect(first).toContainText('Thames');
  // Each hit says where it is: what tells look-alikes apart ("Thames Ltd" in Cardiff or Bristol).
  await expect(
    results(page).getByRole('link', { name: /Thames Ltd.*Cardiff, United Kingdom/ }),
  ).toBeVisible();
  await searchBox(page).press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).getByRole('link').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(searchBox(page)).toBeFocused();
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Thames/ })).toBeVisible();
});

test('a match in another field shows that field and its snippet', async ({
  page,
  organizations,
}) => {
  const marker = `zqv${Date.now().toString(36)}`;
  await organizations.create({
    name: `Field Match ${marker.toUpperCase()} Ltd`,
    email: `info@${marker}mueller.de`,
  });
  await page.goto(ORGANIZATIONS);
  await searchBox(page).fill(`${marker}muell`);
  const row = results(page).getByRole('link', { name: /Field Match/ });
  await expect(row).toContainText(`Email — info@${marker}mueller.de`);
  // The name did not match: only the email's matched word is marked.
  await expect(row.locator('mark')).toHaveCount(1);
  await expect(row.locator('mark')).toHaveText(new RegExp(`^${marker}muell`));
});

test('a facet value refines the search and the page says how', async ({ page }) => {
  await page.goto(`${ORGANIZATIONS}?q=seattle`);
  await expect(summary(page)).toBeVisible();
  const before = Number(
    (await summary(page).locator('span').first().innerText()).replace(/,/g, ''),
  );
  await expect(page.getByText(/the API has no filters/)).toBeVisible();
  const facet = page
    .getByRole('group', { name: 'Industry' })
    .getByRole('button', { name: /^Add “/ })
    .first();
  const value = (await facet.getAttribute('aria-label'))?.match(/^Add “(.+)” to the search/)?.[1];
  expect(value).toBeTruthy();
  await facet.click();
  await expect(searchBox(page)).toHaveValue(`seattle ${value}`);
  await expect(page).toHaveURL(new RegExp(`q=seattle`));
  await expect(summary(page)).toContainText(`match “seattle ${value}”`);
  const after = Number((await summary(page).locator('span').first().innerText()).replace(/,/g, ''));
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThan(0);
});

test('back and forward step through committed searches', async ({ page }) => {
  await page.goto(ORGANIZATIONS);
  await searchBox(page).pressSequentially('northwind', { delay: 20 });
  await searchBox(page).press('Enter');
  await expect(results(page).getByRole('link', { name: /Northwind Traders/ })).toBeVisible();
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially('seattle', { delay: 20 });
  await searchBox(page).press('Enter');
  await expect(summary(page)).toContainText('“seattle”');

  await page.goBack();
  await expect(page).toHaveURL(/\?q=northwind$/);
  await expect(searchBox(page)).toHaveValue('northwind');
  await expect(summary(page)).toContainText('“northwind”');

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${ORGANIZATIONS}$`));
  await expect(searchBox(page)).toHaveValue('');
  await expect(results(page)).toHaveCount(0);

  await page.goForward();
  await expect(searchBox(page)).toHaveValue('northwind');
  await page.goForward();
  await expect(searchBox(page)).toHaveValue('seattle');
});

test('clearing the search returns to the list where it was scrolled', async ({ page }) => {
  await page.goto(ORGANIZATIONS);
  const list = page.getByRole('region', { name: 'Organizations list' });
  await expect(list.getByRole('row').nth(5)).toBeVisible();
  await list.hover();
  await page.mouse.wheel(0, 3000);
  await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
  // The wheel's scroll has ended: its position holds across two frames.
  await expect.poll(() => list.evaluate(scrollHoldsForTwoFrames)).toBe(true);
  const position = () =>
    list.evaluate((element) => {
      const top = element.getBoundingClientRect().top + 60;
      const firstInView = [...element.querySelectorAll('[role="row"] a')].find(
        (link) => link.getBoundingClientRect().top > top,
      );
      return { scrollTop: element.scrollTop, firstInView: firstInView?.textContent ?? null };
    });
  const before = await position();
  expect(before.firstInView).not.toBeNull();

  await searchBox(page).fill('northwind');
  await expect(results(page).getByRole('link', { name: /Northwind Traders/ })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(results(page)).toHaveCount(0);
  await expect(list).toBeVisible();
  expect(await position()).toEqual(before);
});

test('hostile names are shown as text: no script runs, no element but mark is created', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const trap = () => {
      (window as unknown as { __xss?: boolean }).__xss = true;
    };
    window.alert = trap;
    window.confirm = () => {
      trap();
      return false;
    };
    window.prompt = () => {
      trap();
      return null;
    };
  });
  await page.goto(ORGANIZATIONS);
  for (const query of [
    'img onerror',
    'script',
    'svg',
    'iframe',
    'style',
    'mark',
    'javascript',
    'alert',
  ]) {
    await searchBox(page).fill(query);
    await expect(summary(page)).toContainText(`“${query}”`);
    await expect(results(page).getByRole('listitem').first()).toBeVisible();
    expect(await foreignElements(page, '[aria-label="Search results"]')).toEqual([]);
    // Marks hold matched text only: no mark wraps markup of its own.
    const marks = await results(page)
      .locator('mark')
      .evaluateAll((elements) => elements.filter((mark) => mark.children.length > 0).length);
    expect(marks).toBe(0);
  }
  await searchBox(page).fill('img onerror');
  await expect(
    results(page).getByRole('link', { name: '<img src=x onerror=alert(1)>' }).first(),
  ).toBeVisible();
  // No element that could run the stored markup exists, so nothing can set __xss later either.
  await expect(page.locator('img[src="x"], #root script, #root iframe')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss),
  ).toBeUndefined();
});

test('search results pass axe, and screenshots in light and dark', async ({ page }) => {
  await page.goto(`${ORGANIZATIONS}?q=m%C3%BCller`);
  await expect(results(page).getByRole('listitem').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, `${SCREENSHOTS}/search-light.png`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, `${SCREENSHOTS}/search-dark.png`);

  await page.goto(`${ORGANIZATIONS}?q=zzzzqqqxxx`);
  await expect(page.getByText(/No organization matches/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, `${SCREENSHOTS}/search-empty-dark.png`);

  // While a search is under way the box shows a named spinner; held here until axe has looked.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/v1/**/search**', async (route) => {
    await held;
    await route.continue();
  });
  await searchBox(page).fill('northwind');
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  release();
  await expect(page.getByRole('progressbar', { name: 'Searching' })).toBeHidden();
});

test('results page on as one scrolls', async ({ page }) => {
  await page.goto(`${ORGANIZATIONS}?q=gmbh`);
  await expect(summary(page)).toBeVisible();
  const found = Number((await summary(page).locator('span').first().innerText()).replace(/,/g, ''));
  expect(found).toBeGreaterThan(60);
  const list = results(page);
  await list.hover();
  const seen = new Set<string>();
  for (let step = 0; step < 40 && seen.size < Math.min(found, 120); step += 1) {
    for (const posinset of await list
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-posinset') ?? ''))) {
      seen.add(posinset);
    }
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => list.evaluate(scrollHoldsForTwoFrames)).toBe(true);
  }
  expect(seen.size).toBeGreaterThanOrEqual(Math.min(found, 120));
  // Virtualized: far fewer rows in the DOM than were scrolled through.
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
});
