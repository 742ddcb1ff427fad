// The console server stopped and started again while a person works: the edit is kept, the
// console says within a second that the server cannot be reached, shows what it has, and
// recovers by itself when the server is back; the same edit is then saved without a reload.
// This file starts its own console server process (OUTAGE_E2E_PORT, default E2E_PORT + 5) over a
// fresh temporary data directory, and stops and restarts it by its PID.
import { expect, test, type Page } from '@playwright/test';
import { consoleProcess, type ConsoleProcess } from './console-process.ts';
import { AS_API_CLIENT } from './api-client.ts';

const port = Number(process.env.OUTAGE_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 5);
let server: ConsoleProcess;
let LIST = '';
let API = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = consoleProcess({ port });
  await server.start();
  LIST = `${server.origin}/chatbots/demo/organizations`;
  API = `${server.origin}/v1/chatbots/demo/organizations`;
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await server?.dispose();
});

/** Records when the first request got no answer, and when the banner first said so. */
async function watchOutage(page: Page) {
  await page.addInitScript(() => {
    const clock = window as unknown as { failedAt?: number; saidAt?: number };
    const original = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      try {
        return await original(...args);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') clock.failedAt ??= performance.now();
        throw error;
      }
    };
    new MutationObserver(() => {
      if (clock.failedAt === undefined || clock.saidAt !== undefined) return;
      if (document.body.textContent?.includes('The console server cannot be reached.')) {
        clock.saidAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const rows = (page: Page) =>
  page.getByRole('table', { name: 'Organizations' }).locator('[role=row][data-position]');
const lostBanner = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'The console server cannot be reached.' });
const industry = (page: Page) => page.getByRole('textbox', { name: 'Industry' });

async function stored(id: string) {
  const response = await fetch(`${API}/${encodeURIComponent(id)}`);
  return ((await response.json()) as { organization: { industry?: string } }).organization;
}

/** An in-app navigation, as a link would make it, without a page load. */
async function navigateInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({ idx: (window.history.state?.idx ?? 0) + 1 }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
}

test('stopped and started again mid-edit: the edit is kept, the outage said at once, saved when back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await watchOutage(page);
  const edited = `Edited during an outage ${Date.now().toString(36)}`;

  // One organization seen before the outage, another being edited when it starts.
  await page.goto(LIST);
  const first = rows(page).nth(0).getByRole('link');
  const second = rows(page).nth(1).getByRole('link');
  const firstName = (await first.textContent())!;
  const secondName = (await second.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await page.getByRole('link', { name: 'All organizations' }).click();
  await rows(page).nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: secondName })).toBeVisible();
  const editedId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await industry(page).fill(edited);

  await server.stop();
  await page.getByRole('button', { name: 'Save changes' }).click();

  // Said at once, in words; the form keeps the edit; nothing blanks.
  await expect(lostBanner(page)).toBeVisible();
  const failure = page.getByRole('alert').filter({ hasText: 'The changes were not saved' });
  await expect(failure).toContainText('could not be reached');
  await expect(industry(page)).toHaveValue(edited);
  const clock = await page.evaluate(() => {
    const { failedAt, saidAt } = window as unknown as { failedAt?: number; saidAt?: number };
    return { failedAt, saidAt };
  });
  expect(clock.failedAt).toBeDefined();
  expect(clock.saidAt! - clock.failedAt!).toBeLessThan(1000);

  // Another tab of the organization and back: the draft comes along, no question asked.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Edit/ })).toContainText('Unsaved');
  await page.getByRole('tab', { name: /Edit/ }).click();
  await expect(page.getByText(/Your unsaved changes from .* are back/)).toBeVisible();
  await expect(industry(page)).toHaveValue(edited);

  // Leaving the organization asks; the draft can be kept.
  await page.getByRole('link', { name: 'All organizations' }).click();
  const guard = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
  await guard.getByRole('button', { name: 'Keep the draft and leave' }).click();
  await expect(rows(page).first()).toBeVisible();

  // The organization seen before: shown from what was loaded, not an error.
  await rows(page).nth(0).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await expect(page.getByText('could not be loaded')).toHaveCount(0);
  await expect(lostBanner(page)).toBeVisible();

  // A page whose code never loaded: a message inside the layout, the header still there.
  await navigateInApp(page, '/no/such/page');
  await expect(
    page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Organizations Console' })).toBeVisible();

  // Back: found by itself, the waiting page loads its code, the banner says so and goes.
  await server.start();
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(lostBanner(page)).toHaveCount(0);

  // The same edit, saved without a reload.
  await page.getByRole('link', { name: 'Go to organizations' }).click();
  await rows(page).nth(1).getByRole('link').click();
  await page.getByRole('tab', { name: /Edit/ }).click();
  await expect(industry(page)).toHaveValue(edited);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect((await stored(editedId)).industry).toBe(edited);
  await expect(page.getByRole('tab', { name: /Edit/ })).not.toContainText('Unsaved');
});

test('a reload while the server is away: the draft is offered again once it is back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto(LIST);
  const link = rows(page).nth(2).getByRole('link');
  await link.click();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  await page.getByRole('tab', { name: 'Edit' }).click();
  const edited = `Kept across a reload ${Date.now().toString(36)}`;
  await industry(page).fill(edited);
  // The draft is in the browser's storage once typing pauses.
  await expect
    .poll(() => page.evaluate(() => JSON.stringify(window.localStorage)))
    .toContain(edited);

  // Reloading with unsaved changes asks first (beforeunload): the person goes ahead.
  page.on('dialog', (dialog) => void dialog.accept());
  await server.stop();
  // The reload fails (nothing answers); the browser shows its own error page.
  await page.reload().catch(() => undefined);
  await server.start();
  await page.reload();
  await expect(page.getByText(/Your unsaved changes from .* are back/)).toBeVisible();
  await expect(industry(page)).toHaveValue(edited);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect((await stored(id)).industry).toBe(edited);
});

test('an organization not loaded before waits for the server, and opens by itself', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The organization page's code is here (one was opened); this one's data is not.
  await page.goto(LIST);
  await rows(page).first().getByRole('link').click();
  await page.getByRole('link', { name: 'All organizations' }).click();
  await expect(rows(page).first()).toBeVisible();
  // Made after the list loaded: no list or search on the page holds it.
  const created = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AS_API_CLIENT },
    body: JSON.stringify({ name: `Not loaded before ${Date.now().toString(36)}` }),
  });
  const organization = ((await created.json()) as { organization: { id: string; name: string } })
    .organization;

  await server.stop();
  await navigateInApp(page, `/chatbots/demo/organizations/${encodeURIComponent(organization.id)}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Waiting for the server' }),
  ).toBeVisible();
  await expect(lostBanner(page)).toBeVisible();

  await server.start();
  await expect(page.getByRole('heading', { level: 1, name: organization.name })).toBeVisible({
    timeout: 30_000,
  });
});
