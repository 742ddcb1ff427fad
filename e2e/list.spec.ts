// The organizations list in Chromium against the seeded sandbox (e2e/serve.ts): paging to the
// end, failures and retries, keyboard, Back, bounded DOM, accessibility, light and dark.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { saveScreenshot } from './screenshots.ts';
import { gotoWithoutStartData } from './without-start-data.ts';

const LIST_URL = '/chatbots/demo/organizations';

const scroller = (page: Page) => page.getByRole('region', { name: 'Organizations list' });
const organizationRows = (page: Page) =>
  page.getByRole('table', { name: 'Organizations' }).locator('[role=row][data-position]');
/**
 * The row at `position` in the list. Not `organizationRows(page).nth(…)`: a row scrolled in takes
 * the element of one that left (src/components/organizations/list/rowSlots.ts), so the elements'
 * order is not the rows' order on screen.
 */
const rowAt = (page: Page, position: number) =>
  page
    .getByRole('table', { name: 'Organizations' })
    .locator(`[role=row][data-position="${position}"]`);

/** The positions of the rows rendered, in the elements' order. */
function positionsRendered(page: Page): Promise<number[]> {
  return organizationRows(page).evaluateAll((rows) =>
    rows.map((row) => Number(row.getAttribute('data-position'))),
  );
}

/** The total the API reports (`outOf` of a match-everything search). */
async function totalOrganizations(page: Page): Promise<number> {
  const response = await page.request.get(
    '/v1/chatbots/demo/organizations/search?query=*&page=1&pageSize=1',
  );
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { results: { outOf: number } };
  return body.results.outOf;
}

async function openList(page: Page): Promise<void> {
  await page.goto(LIST_URL);
  await expect(organizationRows(page).first()).toBeVisible();
}

/**
 * Scrolls the list until row `position` is at the top, letting pages load on the way, and waits
 * until no skeleton row is in view.
 */
async function scrollToRow(page: Page, position: number): Promise<void> {
  await expect
    .poll(
      () =>
        scroller(page).evaluate((element, top) => {
          element.scrollTop = top;
          return Math.abs(element.scrollTop - top) < 2;
        }, position * 44),
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(page.locator('[aria-hidden=true][class*=placeholder]')).toHaveCount(0);
}

test('scrolls the whole seeded list: every organization once, the end counts them, DOM stays small', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const total = await totalOrganizations(page);
  expect(total).toBeGreaterThan(1000);
  await openList(page);

  const seen = await scroller(page).evaluate(async (element) => {
    const hrefs = new Set<string>();
    let maxDomRows = 0;
    let injected = 0;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline) {
      for (const link of element.querySelectorAll('[role=row] a')) {
        hrefs.add(link.getAttribute('href') ?? '');
      }
      maxDomRows = Math.max(maxDomRows, element.querySelectorAll('[role=row]').length);
      injected += element.querySelectorAll('img, script, iframe').length;
      const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
      if (atBottom && element.textContent?.includes('End of the list')) break;
      element.scrollTop += Math.floor(element.clientHeight * 0.8);
      await frame();
      await frame();
    }
    return { distinct: hrefs.size, maxDomRows, injected };
  });

  expect(seen.distinct).toBe(total);
  await expect(scroller(page)).toContainText(
    `End of the list · ${total.toLocaleString('en')} organizations`,
  );
  // The page's count is the search engine's, the one search results name too.
  await expect(
    page.getByRole('status').filter({ hasText: `${total.toLocaleString('en')} organizations` }),
  ).toHaveCount(2);
  expect(seen.maxDomRows).toBeLessThan(100);
  // Hostile names in the seed render as text: no element or dialog comes out of them.
  expect(seen.injected).toBe(0);
  expect(dialogs).toEqual([]);
});

/** The positions of the list's rows in the order Chromium's accessibility tree gives them. */
async function positionsAsAssistiveTechnologyMeetsThem(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const inTreeOrder: typeof nodes = [];
  const visit = (id: string) => {
    const node = byId.get(id);
    if (!node) return;
    inTreeOrder.push(node);
    for (const child of node.childIds ?? []) visit(child);
  };
  visit(nodes[0]!.nodeId);
  const rowIds = inTreeOrder
    .filter((node) => node.role?.value === 'row' && node.backendDOMNodeId !== undefined)
    .map((node) => node.backendDOMNodeId!);
  const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
    backendNodeIds: rowIds,
  });
  const positions: number[] = [];
  for (const nodeId of nodeIds) {
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const at = attributes.indexOf('data-position');
    if (at >= 0) positions.push(Number(attributes[at + 1]));
  }
  await cdp.detach();
  return positions;
}

test('rows scrolled in reuse the elements of rows that left, and are still met in order', async ({
  page,
}) => {
  await openList(page);
  // Less than a screenful: rows that stay keep their elements, those coming in take the freed ones.
  await scrollToRow(page, 10);
  const domOrder = await positionsRendered(page);
  const ascending = [...domOrder].sort((a, b) => a - b);
  // Elements were reused (else this test would prove nothing)…
  expect(domOrder).not.toEqual(ascending);
  // …yet a screen reader meets the rows in the list's order, with none left out.
  expect(await positionsAsAssistiveTechnologyMeetsThem(page)).toEqual(ascending);
});

test('a focused row scrolled away is not reused for another organization', async ({ page }) => {
  await openList(page);
  const link = rowAt(page, 2).getByRole('link');
  const name = await link.textContent();
  await link.focus();
  await scrollToRow(page, 60);
  await expect(rowAt(page, 60)).toBeVisible();
  // The focus is not on a row showing another organization: it left with its row.
  const focusedRowName = await page.evaluate(
    () => document.activeElement?.closest('[role=row]')?.querySelector('a')?.textContent ?? null,
  );
  expect([null, name]).toContain(focusedRowName);
  await scrollToRow(page, 0);
  await expect(rowAt(page, 2).getByRole('link')).toHaveText(name ?? '');
});

test('a first load that fails shows the error, and Try again loads the list', async ({ page }) => {
  // An answer that breaks the contract: not retried, so the error shows at once. The page comes
  // without its first data, as when the server had none in time, so the browser asks for it.
  await page.route('**/v1/chatbots/demo/organizations?*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"organizations":7}' }),
  );
  await gotoWithoutStartData(page, LIST_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Couldn’t load organizations' });
  await expect(alert).toBeVisible();
  await expect(organizationRows(page)).toHaveCount(0);

  await page.unroute('**/v1/chatbots/demo/organizations?*');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(organizationRows(page).first()).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a next page that fails keeps the rows loaded, and Try again goes on', async ({ page }) => {
  test.setTimeout(90_000);
  await openList(page);
  const firstName = await rowAt(page, 0).getByRole('link').textContent();
  // Every later page fails (retried with backoff, then shown). An answer, not a dropped
  // connection: a dropped one makes the console check whether the server is away, and when that
  // check is slow (a busy machine) it counts an outage and goes on by itself once the server
  // answers again (e2e/outage.spec.ts), so Try again would not be there to press.
  await page.route('**/v1/chatbots/demo/organizations?*pageToken=*', (route) =>
    route.fulfill({ status: 503, json: { error: 'The API is unavailable.' } }),
  );
  await scroller(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  const retry = scroller(page).getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 30_000 });
  await expect(scroller(page)).toContainText('Couldn’t load more organizations');
  // The first page's rows are all still there.
  await expect(page.locator('[role=row][data-position="99"]')).toHaveCount(1);

  await page.unroute('**/v1/chatbots/demo/organizations?*pageToken=*');
  await retry.click();
  // The next page comes below the first: the error goes and row 100 follows row 99.
  await expect(scroller(page)).not.toContainText('Couldn’t load more organizations');
  await expect(page.locator('[role=row][data-position="100"]')).toHaveCount(1);
  // Scrolled on a screen at a time (the view stays where it was when that page arrived), the
  // page goes to its end. Not to the list's bottom: the list is as tall as every organization,
  // and a jump there fetches the last page, leaving row 199 out of view.
  await expect
    .poll(
      async () => {
        const last = Math.max(...(await positionsRendered(page)));
        await rowAt(page, last).evaluate((row) => row.scrollIntoView({ block: 'start' }));
        return page.locator('[role=row][data-position="199"]').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await scroller(page).evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect(rowAt(page, 0).getByRole('link')).toHaveText(firstName ?? '');
});

test('keyboard: Tab reaches the rows, arrows move the highlight, End and Home jump, Enter opens', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openList(page);
  await page.getByRole('link', { name: 'New organization' }).focus();
  await page.keyboard.press('Tab');
  const focusedRow = () => page.locator('[role=row]:focus-within');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '2');
  await expect(focusedRow()).toHaveAttribute('data-active', 'true');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '5');
  await expect(page.locator('[role=row][data-active]')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '4');

  // End: in one press to the last organization of the whole list (its pages fetched on the way).
  await page.keyboard.press('End');
  await expect(scroller(page)).toContainText(/End of the list · [\d,]+ organizations/, {
    timeout: 100_000,
  });
  const table = page.getByRole('table', { name: 'Organizations' });
  const rowCount = (await table.getAttribute('aria-rowcount')) ?? 'none';
  expect(Number(rowCount)).toBeGreaterThan(1000);
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', rowCount);
  await expect(focusedRow()).toBeInViewport();

  // Home: straight back to the newest (the top rows were dropped on the way down).
  await page.keyboard.press('Home');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '2');
  await expect(focusedRow()).toBeInViewport();

  await page.keyboard.press('ArrowDown');
  const href = await focusedRow().getByRole('link').getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href ?? 'no href');
  expect(href).toMatch(/^\/chatbots\/demo\/organizations\/[^/]+$/);
});

test('Back from an organization restores the scroll position with the cached rows', async ({
  page,
}) => {
  await openList(page);
  await scrollToRow(page, 300);
  // The column headers stay in view over the scrolled rows.
  await expect(page.getByRole('columnheader', { name: 'Name' })).toBeInViewport();
  const before = await scroller(page).evaluate((element) => element.scrollTop);
  expect(before).toBeGreaterThan(250 * 44);
  // The 13th row rendered (8 above the view are rendered too): one a few rows into the view.
  const row = rowAt(page, Math.min(...(await positionsRendered(page))) + 12);
  const position = await row.getAttribute('data-position');
  const link = row.getByRole('link');
  const name = await link.textContent();
  await link.click();
  await expect(page).toHaveURL(/\/organizations\/[^/]+$/);

  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/organizations?')) listRequests.push(request.url());
  });
  await page.goBack();
  await expect(organizationRows(page).first()).toBeVisible();
  await expect
    .poll(() => scroller(page).evaluate((element) => element.scrollTop))
    .toBeCloseTo(before, -1);
  const again = page.locator(`[role=row][data-position="${position}"]`);
  await expect(again.getByRole('link')).toHaveText(name ?? '');
  await expect(again).toBeInViewport();
  // Straight from the cache: no skeleton rows, no list request.
  await expect(page.locator('[aria-hidden=true][class*=placeholder]')).toHaveCount(0);
  expect(listRequests).toEqual([]);
});

test('a refetch brings organizations created elsewhere to the top without moving the rows in view', async ({
  page,
  organizations,
}) => {
  await page.clock.install();
  await openList(page);
  await scrollToRow(page, 40);
  const watched = page.locator('[role=row][data-position="45"]');
  const name = await watched.getByRole('link').textContent();
  const top = (await watched.boundingBox())?.y;

  for (const newcomer of ['Refetch Newcomer One', 'Refetch Newcomer Two']) {
    await organizations.create({ name: newcomer });
  }
  // The same organization, two places further down, at the same height on screen.
  const moved = page.locator('[role=row][data-position="47"]');
  // Past the 30 s the list counts as fresh, then the window regains focus. Again until the list
  // has refetched: a return while a page is still on its way (the scroll to row 40 fetches the
  // pages below) refetches nothing, and a page that arrives after the 30 s makes the list fresh.
  await expect(async () => {
    await page.clock.fastForward('00:31');
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect(moved.getByRole('link')).toHaveText(name ?? '', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  expect((await moved.boundingBox())?.y).toBeCloseTo(top ?? -1, 0);

  await scroller(page).evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect(rowAt(page, 0).getByRole('link')).toHaveText('Refetch Newcomer Two');
  await expect(rowAt(page, 1).getByRole('link')).toHaveText('Refetch Newcomer One');
});

test('a run of one instant longer than the API can page is listed as far as possible and said so', async ({
  page,
}) => {
  // A list API of 300 organizations created in the same millisecond and 10 older ones, answering
  // as the contract says: newest first, strictly before `pageToken`, at most `limit`.
  const instant = Date.UTC(2024, 2, 14, 9, 30, 0);
  const organizations = Array.from({ length: 310 }, (_, index) => {
    const created = new Date(index < 300 ? instant : instant - 60_000 - index).toISOString();
    const id = `run-${String(index).padStart(3, '0')}`;
    return { id, name: `Imported ${id}`, created, updated: created, variables: {} };
  });
  await page.route('**/v1/chatbots/demo/organizations?*', (route) => {
    const url = new URL(route.request().url());
    const before = Date.parse(url.searchParams.get('pageToken') ?? '9999-12-31T00:00:00Z');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const page = organizations.filter((o) => Date.parse(o.created) < before).slice(0, limit);
    return route.fulfill({ json: { organizations: page } });
  });
  // Without the page's own first data: every page of the list comes from the API above.
  await gotoWithoutStartData(page, LIST_URL);
  await expect(page.getByRole('link', { name: 'Imported run-000' })).toBeVisible();
  // Scrolled to the bottom until the list says it has ended (each page loads as it is reached).
  await expect
    .poll(
      () =>
        scroller(page).evaluate((element) => {
          element.scrollTop = element.scrollHeight;
          return element.textContent?.includes('End of the list') ?? false;
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect(scroller(page)).toContainText('End of the list · 260 organizations');
  const notice = page.getByRole('row').filter({ hasText: 'cannot list past 250 of one instant' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('250 organizations created at');
  // The last row sits wholly above the footer's count, not under it.
  const lastRow = page.getByRole('row').filter({ hasText: 'Imported run-309' });
  const footer = scroller(page).getByText('End of the list');
  const lastBottom = await lastRow.evaluate((row) => row.getBoundingClientRect().bottom);
  const footerTop = await footer.evaluate((text) => text.getBoundingClientRect().top);
  expect(lastBottom).toBeLessThanOrEqual(footerTop);
  await notice.scrollIntoViewIfNeeded();
  await saveScreenshot(page, '.tmp/list/list-truncated-run.png');
  await expect(page.getByRole('link', { name: 'Imported run-309' })).toBeVisible();
});

test('has no serious accessibility violations, in light and dark; screenshots', async ({
  page,
}) => {
  await openList(page);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, '.tmp/list/list-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, '.tmp/list/list-dark.png');
});

test('unknown routes show a not-found page with a way back to the organizations', async ({
  page,
}) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Go to organizations' }).click();
  await expect(page).toHaveURL(LIST_URL);
  await expect(organizationRows(page).first()).toBeVisible();
});
