// A page on another site, open in the agent's browser, tries what a browser lets any page do to
// the console on localhost: a no-cors fetch with a text/plain body, a <form enctype=text/plain>
// post and navigator.sendBeacon (none needs a CORS preflight), reads and a keyed DELETE (which
// do), and DNS rebinding (a name of its own that resolves to 127.0.0.1). The attacker's page is
// served by a tiny server on another origin (127.0.0.1 on CROSS_SITE_E2E_PORT, default
// E2E_PORT + 2: another site than localhost); every attack is checked through the API to have
// changed nothing. The last test runs a console in upstream mode (on CROSS_SITE_E2E_PORT + 1) over
// an upstream granting CORS to everyone (+ 2).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Request } from '@playwright/test';

const consolePort = Number(process.env.E2E_PORT ?? 4180);
const attackerPort = Number(process.env.CROSS_SITE_E2E_PORT ?? consolePort + 2);
const CONSOLE = `http://localhost:${consolePort}`;
const API = `${CONSOLE}/v1/chatbots/demo/organizations`;
const ATTACKER = `http://127.0.0.1:${attackerPort}`;
/** A name no seeded organization has; each attack plants its own variant of it. */
const MARKER = `Planted${Date.now().toString(36)}`;

let attacker: Server;

test.beforeAll(async () => {
  // An ordinary page, as any site could serve it: no CSP, no special header.
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another site</title><h1>Nothing to see</h1>');
  });
  await new Promise<void>((resolve) => attacker.listen(attackerPort, '127.0.0.1', resolve));
  expect((attacker.address() as AddressInfo).port).toBe(attackerPort);
});

test.afterAll(async () => {
  attacker.closeAllConnections();
  await new Promise((resolve) => attacker.close(resolve));
});

/** Names of the organizations a search for `text` finds, through the API. */
async function namesFound(text: string): Promise<string[]> {
  const response = await fetch(
    `${API}/search?query=${encodeURIComponent(text)}&page=1&pageSize=50`,
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    results: { hits: { organization: { name: string } }[] };
  };
  return body.results.hits.map((hit) => hit.organization.name);
}

/** Every organization's name on the list's newest page (a create would be first). */
async function newestNames(): Promise<string[]> {
  const response = await fetch(`${API}?limit=50`);
  const body = (await response.json()) as { organizations: { name: string }[] };
  return body.organizations.map((organization) => organization.name);
}

async function openAttackerPage(page: Page): Promise<void> {
  await page.goto(`${ATTACKER}/`);
  await expect(page.getByRole('heading', { name: 'Nothing to see' })).toBeVisible();
}

/**
 * How the browser saw the console answer a request of the page: its status, or — when the
 * browser withheld an answer it had received (the console's Cross-Origin-Resource-Policy blocks
 * another site's no-cors reads) — the reason. Either way the request reached the console and is
 * done, so what it changed can be checked.
 */
async function consoleAnswer(page: Page, method: string): Promise<string> {
  const isAttack = (request: Request) => request.url() === API && request.method() === method;
  const settled = await Promise.race([
    page.waitForEvent('requestfinished', isAttack),
    page.waitForEvent('requestfailed', isAttack),
  ]);
  const response = await settled.response();
  return response === null
    ? (settled.failure()?.errorText ?? 'no answer')
    : `HTTP ${response.status()}`;
}

/** HTTP 403, or an answer the browser withheld because of the console's CORP header. */
const REFUSED = /^(HTTP 403|net::ERR_BLOCKED_BY_RESPONSE.*)$/;

test.describe.configure({ mode: 'serial' });

test('the search used to check the attacks finds what exists (a seeded organization)', async () => {
  // The check below must be able to fail: it finds an organization that is there.
  expect(await namesFound('Northwind Traders')).toContain('Northwind Traders');
  expect(await namesFound(MARKER)).toEqual([]);
});

test('a no-cors fetch with a text/plain JSON body creates nothing', async ({ page }) => {
  await openAttackerPage(page);
  const answered = consoleAnswer(page, 'POST');
  await page.evaluate(
    async ({ url, name }) => {
      // Settles once the answer is in: opaque, or a network error when the browser withholds it.
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name }),
      }).catch(() => undefined);
    },
    { url: API, name: `${MARKER} fetch` },
  );
  expect(await answered).toMatch(REFUSED);
  expect(await namesFound(MARKER)).toEqual([]);
  expect(await newestNames()).not.toContain(`${MARKER} fetch`);
});

test('a <form enctype=text/plain> post shaped as JSON creates nothing', async ({ page }) => {
  await openAttackerPage(page);
  const answered = consoleAnswer(page, 'POST');
  await page.evaluate(
    ({ url, name }) => {
      // The classic trick: the field's name and value join into {"name":"…","industry":"="}.
      const frame = document.createElement('iframe');
      frame.name = 'sink';
      document.body.append(frame);
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = url;
      form.enctype = 'text/plain';
      form.target = 'sink';
      const input = document.createElement('input');
      input.name = `{"name":${JSON.stringify(name)},"industry":"`;
      input.value = '"}';
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { url: API, name: `${MARKER} form` },
  );
  expect(await answered).toMatch(REFUSED);
  expect(await namesFound(MARKER)).toEqual([]);
  expect(await newestNames()).not.toContain(`${MARKER} form`);
});

test('navigator.sendBeacon creates nothing', async ({ page }) => {
  await openAttackerPage(page);
  const answered = consoleAnswer(page, 'POST');
  const queued = await page.evaluate(
    ({ url, name }) => navigator.sendBeacon(url, JSON.stringify({ name })),
    { url: API, name: `${MARKER} beacon` },
  );
  expect(queued).toBe(true);
  expect(await answered).toMatch(REFUSED);
  expect(await namesFound(MARKER)).toEqual([]);
  expect(await newestNames()).not.toContain(`${MARKER} beacon`);
});

test('reads and a keyed DELETE from another site fail: no CORS grant, no preflight answered', async ({
  page,
}) => {
  const [victim] = await newestNames();
  const { organizations } = (await (await fetch(`${API}?limit=1`)).json()) as {
    organizations: { id: string }[];
  };
  const id = organizations[0]?.id ?? '';
  await openAttackerPage(page);
  const outcome = await page.evaluate(
    async ({ url, id: victimId }) => {
      const attempt = async (run: () => Promise<Response>) => {
        try {
          return `answered ${(await run()).status}`;
        } catch (error) {
          return `failed: ${(error as Error).name}`;
        }
      };
      return {
        read: await attempt(() => fetch(`${url}?limit=1`)),
        keyedDelete: await attempt(() =>
          fetch(`${url}/${encodeURIComponent(victimId)}`, {
            method: 'DELETE',
            headers: { 'x-chatcaptain-key': 'sandbox-full-access', 'x-console-request': '1' },
          }),
        ),
      };
    },
    { url: API, id },
  );
  expect(outcome).toEqual({ read: 'failed: TypeError', keyedDelete: 'failed: TypeError' });
  expect((await fetch(`${API}/${encodeURIComponent(id)}`)).status).toBe(200);
  expect((await newestNames())[0]).toBe(victim);
});

test('a rebinding page (its own name resolving to 127.0.0.1) gets 421 and deletes nothing', async ({
  playwright,
}, testInfo) => {
  const { organizations } = (await (await fetch(`${API}?limit=1`)).json()) as {
    organizations: { id: string }[];
  };
  const id = organizations[0]?.id ?? '';
  const launchOptions = testInfo.project.use.launchOptions ?? {};
  // The browser resolves evil.example to this machine, as a rebinding DNS server would make it.
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP evil.example 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const evil = `http://evil.example:${consolePort}`;
    const opened = await page.goto(`${evil}/`);
    expect(opened?.status()).toBe(421);
    await expect(page.getByText('Misdirected request')).toBeVisible();
    // Now the page is same-origin with "the server" at evil.example: every request is its own.
    const answers = await page.evaluate(
      async ({ victimId }) => {
        const path = `/v1/chatbots/demo/organizations/${encodeURIComponent(victimId)}`;
        const read = await fetch(path);
        const deleted = await fetch(path, {
          method: 'DELETE',
          headers: { 'x-console-request': '1' },
        });
        return [read.status, deleted.status, await deleted.text()];
      },
      { victimId: id },
    );
    expect(answers[0]).toBe(421);
    expect(answers[1]).toBe(421);
    expect(answers[2]).toContain('Misdirected request');
  } finally {
    await browser.close();
  }
  expect((await fetch(`${API}/${encodeURIComponent(id)}`)).status).toBe(200);
});

test.describe('a console over an upstream that grants CORS to everyone', () => {
  // Its own console server in upstream mode (CROSS_SITE_E2E_PORT + 1) over a fake upstream in
  // this process (+ 2) that answers every request, preflights included, with
  // Access-Control-Allow-Origin: *: what a misconfigured gateway in front of the real API does.
  const proxyPort = attackerPort + 1;
  const upstreamPort = attackerPort + 2;
  const PROXIED = `http://localhost:${proxyPort}/v1/chatbots/demo/organizations`;
  const GRANT_ALL = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
    'access-control-allow-headers': '*',
  };
  let upstream: Server;
  let proxy: ChildProcess | undefined;
  const received: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    upstream = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.writeHead(request.method === 'OPTIONS' ? 204 : 200, {
        'content-type': 'application/json',
        ...GRANT_ALL,
      });
      response.end(request.method === 'OPTIONS' ? undefined : '{"organizations":[]}');
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    proxy = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(proxyPort),
        CHATCAPTAIN_API_URL: `http://127.0.0.1:${upstreamPort}`,
        CHATCAPTAIN_API_KEY: 'CCSB-upstream-server-key',
        CHATCAPTAIN_CHATBOT_ID: 'demo',
        CONSOLE_AUTH: 'off',
      },
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () => {
          try {
            return (await fetch(`http://localhost:${proxyPort}/console/config`)).status;
          } catch {
            return 0;
          }
        },
        { timeout: 110_000 },
      )
      .toBe(200);
  });

  test.afterAll(async () => {
    proxy?.kill('SIGTERM');
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  test('another site can neither read through it nor have a keyed DELETE forwarded', async ({
    page,
  }) => {
    // The console itself works, and the upstream really does grant CORS to everyone.
    expect((await fetch(`${PROXIED}?limit=1`)).status).toBe(200);
    const direct = await fetch(`http://127.0.0.1:${upstreamPort}/`);
    expect(direct.headers.get('access-control-allow-origin')).toBe('*');
    received.length = 0;

    await openAttackerPage(page);
    const outcome = await page.evaluate(async (url) => {
      const attempt = async (run: () => Promise<Response>) => {
        try {
          return `read ${await (await run()).text()}`;
        } catch (error) {
          return `failed: ${(error as Error).name}`;
        }
      };
      return {
        read: await attempt(() => fetch(`${url}?limit=1`)),
        keyedDelete: await attempt(() =>
          fetch(`${url}/some-id`, {
            method: 'DELETE',
            headers: { 'x-chatcaptain-key': 'CCSB-guessed', 'x-console-request': '1' },
          }),
        ),
      };
    }, PROXIED);
    expect(outcome).toEqual({ read: 'failed: TypeError', keyedDelete: 'failed: TypeError' });
    // The read reached the upstream (its answer never reached the page); the preflight was
    // answered by the console itself, so neither it nor the DELETE ever left the console.
    expect(received.filter((line) => !line.startsWith('GET '))).toEqual([]);
  });
});
