import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { saveScreenshot } from './screenshots.ts';

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

/** The palette's own chunk (Spotlight and the search wiring), as the build names it. */
const PALETTE_CHUNK = /\/assets\/QuickLookupPalette-[^/]*\.js$/;

/** The small overlay that takes the keys while the palette's code is on its way. */
function standIn(page: Page) {
  return page.locator('dialog[data-quick-lookup-stand-in]');
}

/** The focused element's text and caret. */
function focusedField(page: Page) {
  return page.evaluate(() => {
    const field = document.activeElement;
    if (!(field instanceof HTMLInputElement)) return null;
    return {
      value: field.value,
      caret: field.selectionStart,
      inStandIn: field.closest('dialog') !== null,
    };
  });
}

/**
 * Ctrl+K (Control: the tests run in Chromium on Linux) and then `word`, sent back to back (CDP
 * key events queued without waiting for the page to handle each): as a fast typist's keys
 * arrive, before any frame has been painted.
 */
async function shortcutThenType(page: Page, word: string) {
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  const key = (type: 'rawKeyDown' | 'keyDown' | 'keyUp', params: Record<string, unknown>) =>
    sent.push(cdp.send('Input.dispatchKeyEvent', { type, ...params }));
  const control = { key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17 };
  const k = { key: 'k', code: 'KeyK', windowsVirtualKeyCode: 75, modifiers: 2 };
  key('rawKeyDown', { ...control, modifiers: 2 });
  key('rawKeyDown', k);
  key('keyUp', k);
  key('keyUp', control);
  for (const letter of word) {
    const upper = letter.toUpperCase();
    const code = letter === ' ' ? 'Space' : `Key${upper}`;
    const params = { key: letter, code, windowsVirtualKeyCode: upper.charCodeAt(0) };
    key('keyDown', { ...params, text: letter });
    key('keyUp', params);
  }
  await Promise.all(sent);
  await cdp.detach();
}

/** Holds the palette's chunk back until `release()` (as a slow network would). */
async function holdPaletteChunk(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(PALETTE_CHUNK, async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  return { release, wasRequested: () => requested };
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
  await saveScreenshot(page, '.tmp/search-ui/palette-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await paletteInput(page).fill('müller');
  await expect(palette(page).locator('[data-action]').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await saveScreenshot(page, '.tmp/search-ui/palette-dark.png');
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss),
  ).toBeUndefined();
});

test('keys typed right after Ctrl+K, before the palette has loaded, all reach the palette', async ({
  page,
}) => {
  const chunk = await holdPaletteChunk(page);
  await page.goto(ORGANIZATIONS);
  const searchBox = page.getByRole('searchbox', { name: 'Search organizations' });
  await searchBox.focus();
  // At once, without waiting for anything: the stand-in takes the keys, caret moves included.
  await shortcutThenType(page, 'traders');
  await page.keyboard.press('Home');
  await page.keyboard.type('northwind');

  await expect(standIn(page)).toBeVisible();
  await expect(palette(page)).toBeVisible();
  await expect(paletteInput(page)).toBeFocused();
  await expect(paletteInput(page)).toHaveValue('northwindtraders');
  await expect(palette(page).getByRole('status')).toHaveText('Loading the quick lookup…');
  await expect.poll(chunk.wasRequested).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, '.tmp/palette/stand-in.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, '.tmp/palette/stand-in-dark.png');

  // The code arrives while the user goes on typing at the caret.
  chunk.release();
  await page.keyboard.type(' ', { delay: 20 });
  await expect(standIn(page)).toHaveCount(0);
  await expect(paletteInput(page)).toHaveValue('northwind traders');
  await expect(paletteInput(page)).toBeFocused();
  expect(await focusedField(page)).toEqual({
    value: 'northwind traders',
    caret: 'northwind '.length,
    inStandIn: false,
  });
  const northwind = palette(page).getByRole('button', { name: /^Northwind Traders/ });
  await expect(northwind).toBeVisible();
  await expect(northwind).toHaveAttribute('data-selected', 'true');
  await saveScreenshot(page, '.tmp/palette/palette-after-stand-in.png');

  // Escape closes it, and focus is back where it was before Ctrl+K.
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(searchBox).toBeFocused();
});

test('Escape closes the stand-in; Ctrl+K again opens the palette once it has loaded', async ({
  page,
}) => {
  const chunk = await holdPaletteChunk(page);
  await page.goto(ORGANIZATIONS);
  await expect(page.getByRole('button', { name: /Quick lookup/ })).toBeVisible();
  await page.getByRole('button', { name: /Quick lookup/ }).click();
  await expect(standIn(page)).toBeVisible();
  await page.keyboard.type('gmbh');
  await page.keyboard.press('Escape');
  await expect(standIn(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Quick lookup/ })).toBeFocused();

  chunk.release();
  // The palette mounts closed (nothing was waiting for it), then opens on the shortcut, empty.
  await expect(page.locator('.mantine-Spotlight-root')).toBeAttached();
  await expect(palette(page)).toBeHidden();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(paletteInput(page)).toBeFocused();
  await expect(paletteInput(page)).toHaveValue('');
  await expect(standIn(page)).toHaveCount(0);
});

test('once the palette has loaded, keys typed right after Ctrl+K all arrive, every time', async ({
  page,
}) => {
  await openOrganizations(page);
  // Loaded unasked once the page has settled; mounted closed.
  await expect(page.locator('.mantine-Spotlight-root')).toBeAttached();
  // Again after closing: a reopened palette must not lose the first keys either.
  for (let round = 0; round < 4; round++) {
    await shortcutThenType(page, 'northwind');
    await expect(paletteInput(page)).toHaveValue('northwind');
    await expect(palette(page).getByRole('button', { name: /^Northwind Traders/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
  }
  await expect(standIn(page)).toHaveCount(0);
});

test('the palette’s code is fetched only after the first rows are on screen', async ({ page }) => {
  await page.addInitScript(() => {
    const rows = '[role=table][aria-label="Organizations"] [role=row][data-position]';
    const observer = new MutationObserver(() => {
      if (document.querySelector(rows) !== null) {
        (window as unknown as { __rowsAt?: number }).__rowsAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(ORGANIZATIONS);
  const timing = () =>
    page.evaluate((chunkPattern) => {
      const chunk = performance
        .getEntriesByType('resource')
        .find((entry) => new RegExp(chunkPattern).test(entry.name));
      const rowsAt = (window as unknown as { __rowsAt?: number }).__rowsAt;
      return chunk === undefined || rowsAt === undefined
        ? null
        : { chunkRequestedAt: chunk.startTime, rowsAt };
    }, PALETTE_CHUNK.source);
  await expect.poll(timing, { timeout: 15_000 }).not.toBeNull();
  const { chunkRequestedAt, rowsAt } = (await timing())!;
  expect(chunkRequestedAt).toBeGreaterThan(rowsAt);
});
