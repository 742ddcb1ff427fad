// The first page's organizations come with the page (src/prerender.tsx, server/page-html.ts): in
// the HTML itself, painted before any of the app's code runs, and adopted by the browser without
// asking for them again; the same for a search's first page and an organization. When the API is
// slow or fails, the page comes without them and the browser fetches them as it would anyway.
// The first tests use the e2e sandbox; the last ones a console in upstream mode (on
// FIRST_ROWS_E2E_PORT, default E2E_PORT + 13, clear of the other specs' ports listed in the
// README's Testing table) over a fake upstream (the port after it) whose
// organizations are named with the hostile strings of fixtures/hostile-strings.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { displayText } from '../src/lib/shared/displayText.ts';
import { collectPageErrors } from './page-errors.ts';

/** A name as a row shows it, spaces folded (as a reader's eye, and toHaveText, would). */
const shownAs = (name: string) => displayText(name).replace(/\s+/g, ' ').trim();

const consolePort = Number(process.env.E2E_PORT ?? 4180);
const upstreamConsolePort = Number(process.env.FIRST_ROWS_E2E_PORT ?? consolePort + 13);
const upstreamPort = upstreamConsolePort + 1;
const LIST_URL = '/chatbots/demo/organizations';
const ROWS = '[role=table][aria-label="Organizations"] [role=row][data-position]';

/** Requests the page made for the first page of the list (no pageToken). */
function firstPageRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      request.method() === 'GET' &&
      url.pathname === '/v1/chatbots/demo/organizations' &&
      !url.searchParams.has('pageToken')
    ) {
      seen.push(url.href);
    }
  });
  return seen;
}

test.describe('over the sandbox', () => {
  test('the first rows are in the HTML and show with JavaScript off', async ({
    browser,
    request,
    baseURL,
  }) => {
    // Other tests add organizations meanwhile: the first row is the newest one at the moment the
    // page was rendered, so the newest before the visit or one added during it.
    const newestNames = async (limit: number) => {
      const api = await request.get(`/v1/chatbots/demo/organizations?limit=${limit}`);
      const { organizations } = (await api.json()) as { organizations: { name: string }[] };
      return organizations.map(({ name }) => shownAs(name.trim() === '' ? '(no name)' : name));
    };
    const [newestBefore] = await newestNames(1);

    const html = await (await request.get(LIST_URL, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('id="console-start-data"');
    expect(html).toMatch(/role="row"[^>]*data-position="0"/);
    expect(html).not.toContain('sandbox-full-access');

    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(LIST_URL);
    const firstRow = page.locator(ROWS).first();
    await expect(firstRow).toBeVisible();
    const shown = shownAs((await firstRow.getByRole('link').textContent()) ?? '');
    const newestAfter = await newestNames(50);
    const addedDuring = newestAfter.slice(0, Math.max(0, newestAfter.indexOf(newestBefore!)));
    expect([newestBefore, ...addedDuring]).toContain(shown);
    expect(await page.locator(ROWS).count()).toBeGreaterThan(10);
    await context.close();
  });

  test('the browser adopts the rows without asking for the first page again', async ({ page }) => {
    const asked = firstPageRequests(page);
    const problems = collectPageErrors(page);
    await page.goto(LIST_URL);
    await expect(page.locator(ROWS).first()).toBeVisible();
    await expect(page.getByText(/^[\d,]+ organizations$/)).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Adopted without a mismatch or any failed request (the organization page's permission
    // probes, answered 404 and 400 on purpose, come after).
    expect(problems).toEqual([]);
    // The rows respond as the app's: a click opens the organization without a page load.
    const link = page.locator(ROWS).first().getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    expect(asked).toEqual([]);
  });

  test("a search's first page and an organization come with their page", async ({
    page,
    request,
  }) => {
    const api = await request.get('/v1/chatbots/demo/organizations?limit=1');
    const [organization] = ((await api.json()) as { organizations: { id: string; name: string }[] })
      .organizations;
    const apiRequests: string[] = [];
    page.on('request', (sent) => {
      if (new URL(sent.url()).pathname.startsWith('/v1/')) apiRequests.push(sent.url());
    });

    await page.goto(`${LIST_URL}?q=north`);
    await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
    await expect(page.locator('mark').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(apiRequests.filter((url) => url.includes('/search?query=north&page=1&'))).toEqual([]);

    apiRequests.length = 0;
    const path = `${LIST_URL}/${encodeURIComponent(organization!.id)}`;
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(organization!.name);
    await page.waitForLoadState('networkidle');
    expect(
      apiRequests.filter(
        (url) =>
          new URL(url).pathname ===
          `/v1/chatbots/demo/organizations/${encodeURIComponent(organization!.id)}`,
      ),
    ).toEqual([]);
  });
});

test.describe('over an upstream API', () => {
  const hostile = JSON.parse(readFileSync('fixtures/hostile-strings.json', 'utf8')) as string[];
  const names = hostile.filter((name) => name.trim() !== '').slice(0, 40);
  const organizations = names.map((name, index) => {
    const created = new Date(Date.UTC(2026, 0, 1) - index * 60_000).toISOString();
    return { id: `org-${index}`, name, created, updated: created, variables: {} };
  });
  /** What the next list request meets: answered, answered after 3 s, or a 500. */
  let next: 'answer' | 'slow' | 'fail' = 'answer';
  let upstream: Server;
  let consoleProcess: ChildProcess | undefined;
  /** The console's own store (sessions, audit): a temporary directory, removed afterwards. */
  let dataDir: string | undefined;
  const origin = `http://localhost:${upstreamConsolePort}`;

  test.beforeAll(async () => {
    // tsx compiling the server, and the store opened, on a busy 2-core machine.
    test.setTimeout(150_000);
    upstream = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://upstream.invalid');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname !== '/v1/chatbots/demo/organizations') {
        send(404, { error: 'Not found.' });
        return;
      }
      const behaviour = next;
      next = 'answer';
      if (behaviour === 'fail') send(500, { error: 'down' });
      else if (behaviour === 'slow') setTimeout(() => send(200, { organizations }), 3_000);
      else send(200, { organizations });
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'console-first-rows-'));
    consoleProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(upstreamConsolePort),
        CHATCAPTAIN_API_URL: `http://127.0.0.1:${upstreamPort}`,
        CHATCAPTAIN_API_KEY: 'CCSB-first-rows-server-key',
        CHATCAPTAIN_CHATBOT_ID: 'demo',
        // Over the real API the console wants sign-in unless told otherwise on loopback.
        CONSOLE_AUTH: 'off',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // Generous for a busy 2-core machine; the slow answer takes 3 s.
        START_DATA_TIMEOUT_MS: '1500',
      },
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () => {
          try {
            return (await fetch(`${origin}/console/config`)).status;
          } catch {
            return 0;
          }
        },
        { timeout: 120_000 },
      )
      .toBe(200);
  });

  test.afterAll(async () => {
    const running = consoleProcess;
    if (running?.pid !== undefined && running.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  async function pageHtml(): Promise<string> {
    const response = await fetch(`${origin}${LIST_URL}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    return response.text();
  }

  test('hostile names come in the HTML as text, and the data script cannot be broken out of', async ({
    browser,
  }) => {
    next = 'answer';
    const html = await pageHtml();
    expect(html).toContain('id="console-start-data"');
    expect(html).not.toContain('CCSB-first-rows-server-key');
    // No name ends the data script early or opens a tag in it: its text up to the first
    // `</script>` holds no < or > and is the whole data, every name intact.
    const data = html.slice(html.indexOf('id="console-start-data"'));
    const text = data.slice(data.indexOf('>') + 1, data.indexOf('</script>'));
    expect(text).not.toMatch(/[<>]/u);
    const parsed = JSON.parse(text) as {
      answers: { body: { organizations: { name: string }[] } }[];
    };
    expect(parsed.answers[0]!.body.organizations.map((organization) => organization.name)).toEqual(
      names,
    );

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${origin}${LIST_URL}`);
    const links = page.locator(ROWS).getByRole('link');
    await expect(links.first()).toBeVisible();
    await expect(links.first()).toHaveText(names[0]!);
    await expect(page.locator('#root img, #root svg[onload], #root script')).toHaveCount(0);
    expect(dialogs).toBe(0);
    await context.close();
  });

  test('the same names render as text once the app has adopted the page', async ({ page }) => {
    next = 'answer';
    const asked = firstPageRequests(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${origin}${LIST_URL}`);
    await expect(page.getByText(/^\d+ organizations$/)).toBeVisible();
    const links = page.locator(ROWS).getByRole('link');
    await expect(links.nth(1)).toHaveText(names[1]!);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    expect(dialogs).toBe(0);
  });

  for (const behaviour of ['slow', 'fail'] as const) {
    test(`a ${behaviour === 'slow' ? 'slow' : 'failing'} API: the frame alone, then the browser fetches the rows`, async ({
      page,
    }) => {
      next = behaviour;
      const asked = firstPageRequests(page);
      const response = await page.goto(`${origin}${LIST_URL}`);
      const html = (await response?.text()) ?? '';
      expect(html).not.toContain('id="console-start-data"');
      expect(html).toContain('Loading…');
      await expect(page.locator(ROWS).getByRole('link').first()).toHaveText(names[0]!);
      expect(asked.length).toBeGreaterThan(0);
    });
  }
});
