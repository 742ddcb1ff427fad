// The list's first paint comes from the console server's HTML (src/prerender.tsx): the frame and
// the first rows (e2e/first-rows.spec.ts) are on screen before any of the app's code runs, in the
// user's colour scheme, and React adopts them rather than drawing the page again.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { collectPageErrors } from './page-errors.ts';

const LIST_URL = '/chatbots/demo/organizations';

test("the list's frame and first rows show before the app's code runs, in the system's or the chosen colour scheme", async ({
  page,
}) => {
  // axe over a page with rows (long hostile names among them) takes long on a busy machine, as in
  // e2e/a11y.spec.ts.
  test.setTimeout(180_000);
  // Nothing of the app's code arrives: what shows is the server's HTML and the CSS.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(LIST_URL);

  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Chatbot');
  await expect(page.getByRole('banner')).toContainText('demo');
  await expect(
    page.getByRole('table', { name: 'Organizations' }).locator('[role=row][data-position="0"]'),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);

  // A scheme chosen with the toggle wins over the system's, from the first paint.
  await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'light'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('React adopts the frame: no element is drawn twice, no error, no CSP violation', async ({
  page,
}) => {
  const problems = collectPageErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
    });
    // A title removed from the page means React threw the server's HTML away and drew its own.
    new MutationObserver((mutations) => {
      for (const { removedNodes } of mutations) {
        for (const node of removedNodes) {
          if (node instanceof Element && (node.matches('h1') || node.querySelector('h1'))) {
            console.error('the server-rendered title was replaced');
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });

  await page.goto(LIST_URL);
  const rows = page
    .getByRole('table', { name: 'Organizations' })
    .locator('[role=row][data-position]');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/^[\d,]+ organizations$/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading' })).toBeHidden();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test("what is typed into the search box before the app's code runs is searched for, not lost", async ({
  page,
}) => {
  // The app's code is held back until the typing is done.
  let release = () => {};
  const codeHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await codeHeld;
    await route.continue();
  });
  await page.goto(LIST_URL, { waitUntil: 'commit' });
  const box = page.getByRole('searchbox', { name: 'Search organizations' });
  await box.click();
  await page.keyboard.type('anadolu');
  release();

  // React adopts a page with rows now, and then replays the text: more work on a busy machine.
  await expect(page).toHaveURL(/[?&]q=anadolu/, { timeout: 30_000 });
  await expect(box).toHaveValue('anadolu');
  await expect(box).toBeFocused();
  await expect(page.locator('mark').first()).toBeVisible();
});
