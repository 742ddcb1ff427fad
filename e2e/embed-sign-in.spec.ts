// Sign-in inside a chat tool's frame: a console in CONSOLE_AUTH=demo mode with
// EMBED_ALLOWED_ORIGINS (its own process on EMBED_AUTH_E2E_PORT, default E2E_PORT + 9), framed by a
// chat tool's page on another site (127.0.0.1, not localhost). The console's demo provider and the
// chat tool's page take free ports from the OS: a fixed E2E_PORT + 10 was 4190 by default, a port
// that fetch and Chromium refuse (the Fetch standard's "bad ports": 4190 is ManageSieve), so the
// console could not reach its own provider and exited. The framed lookup has no session (its
// cookie would be partitioned by the chat tool's site); its "Sign in" opens the real demo provider
// in a pop-up, and the frame carries on signed in — without a reload, the contact the chat tool
// posted still searched — once the pop-up hands it a one-time code
// (server/auth/frame-sign-in-routes.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { saveScreenshot } from './screenshots.ts';

const basePort = Number(process.env.E2E_PORT ?? 4180);
const consolePort = Number(process.env.EMBED_AUTH_E2E_PORT ?? basePort + 9);
const consoleOrigin = `http://localhost:${consolePort}`;
const lookupUrl = `${consoleOrigin}/chatbots/demo/lookup`;
const SIGN_IN_MESSAGE = 'organizations-console:frame-sign-in';
/** Set once the chat tool's page listens (beforeAll). */
let chatToolOrigin = '';

function hostPage(): string {
  return `<!doctype html><html lang="en"><title>Chat tool</title>
<header><h1>Conversation</h1></header>
<iframe id="app" title="Organizations" src="${lookupUrl}" style="width: 100%; height: 600px; border: 0"></iframe>
`;
}

/** Listens on a port the OS chooses (never one a browser refuses) and says which. */
async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** A port that was free a moment ago, for the console's demo provider to take. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listenOnFreePort(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let consoleServer: ChildProcess | undefined;
let chatTool: Server | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  chatTool = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage());
  });
  chatToolOrigin = `http://127.0.0.1:${await listenOnFreePort(chatTool)}`;
  consoleServer = spawn('npx', ['tsx', 'e2e/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(consolePort),
      CONSOLE_AUTH: 'demo',
      DEMO_OIDC_PORT: String(await freePort()),
      EMBED_ALLOWED_ORIGINS: chatToolOrigin,
      SEED_ORGANIZATIONS: '300',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  // What the server says before it is up, to name the reason should it exit instead.
  let serverErrors = '';
  consoleServer.stderr?.on('data', (chunk: Buffer) => {
    if (serverErrors.length < 20_000) serverErrors += chunk.toString();
  });
  // Up once it answers anything at all: without a session, /console/session is a 401.
  await expect
    .poll(
      async () => {
        if (consoleServer?.exitCode !== null || consoleServer.signalCode !== null) {
          return `the console exited (${consoleServer?.exitCode}): ${serverErrors}`;
        }
        try {
          return (await fetch(`${consoleOrigin}/console/session`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 170_000, intervals: [250] },
    )
    .toBe(401);
});

test.afterAll(async () => {
  await new Promise((resolve) => chatTool?.close(resolve));
  // The whole process group: npx, tsx and the server it started (if it has not exited already).
  if (
    consoleServer?.pid !== undefined &&
    consoleServer.exitCode === null &&
    consoleServer.signalCode === null
  ) {
    process.kill(-consoleServer.pid, 'SIGTERM');
  }
});

/** Chatwoot's message as it sends it: a JSON string. */
function appContext(companyName: string): string {
  return JSON.stringify({
    event: 'appContext',
    data: {
      conversation: { id: 7 },
      contact: {
        name: 'Ada',
        email: 'ada@gmail.com',
        additional_attributes: { company_name: companyName },
      },
      currentAgent: { id: 1, name: 'Agent' },
    },
  });
}

async function postToFrame(page: Page, message: unknown) {
  await page.evaluate(
    ([data, target]) => {
      const frame = document.getElementById('app') as HTMLIFrameElement;
      frame.contentWindow!.postMessage(data, target);
    },
    [message, consoleOrigin] as const,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the framed lookup signs in through a pop-up and carries on where it was, without a reload (${scheme})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    const redeemed: number[] = [];
    page.on('response', (response) => {
      if (response.url() === `${consoleOrigin}/console/frame-sign-in/redeem`) {
        redeemed.push(response.status());
      }
    });
    await page.goto(`${chatToolOrigin}/`);
    const frame = page.frameLocator('#app');
    const box = frame.getByRole('searchbox', { name: 'Look up an organization' });
    await expect(box).toBeVisible();
    // The chat tool's contact arrives before the agent has signed in: kept, searched once signed in.
    await postToFrame(page, appContext('Northwind'));
    await expect(box).toHaveValue('Northwind');
    const prompt = frame
      .getByRole('alert')
      .filter({ hasText: 'Sign in to look up organizations.' });
    await expect(prompt).toBeVisible();
    await expectNoA11yViolations(page, ['#app']);
    await saveScreenshot(page, `.tmp/embed-sign-in/prompt-390-${scheme}.png`);
    // Marks this very document: a reload would lose it.
    const lookupFrame = page.frame({ url: (url) => url.href.startsWith(lookupUrl) })!;
    await lookupFrame.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const popUpOpened = page.waitForEvent('popup');
    await prompt.getByRole('link', { name: 'Sign in' }).click();
    const popUp = await popUpOpened;
    await expect(prompt).toContainText('Sign in in the window that opened');
    await saveScreenshot(page, `.tmp/embed-sign-in/waiting-390-${scheme}.png`);
    // While it waits, a message shaped like the pop-up's but from the chat tool's page is ignored.
    await postToFrame(page, { type: SIGN_IN_MESSAGE, code: 'A'.repeat(43) });
    await expect(popUp.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await popUp.getByLabel('E-mail').fill('agent@demo.test');
    await popUp.getByLabel('Password').fill('demo');
    const closed = popUp.waitForEvent('close');
    await popUp.getByRole('button', { name: 'Sign in' }).click();
    // The pop-up handed the sign-in over and was closed by the frame.
    await closed;

    const row = frame.getByRole('list', { name: 'Organizations found' }).getByRole('listitem');
    await expect(row.getByRole('link', { name: /Northwind Traders/ }).first()).toBeVisible();
    await expect(prompt).toHaveCount(0);
    await expect(box).toHaveValue('Northwind');
    expect(
      await lookupFrame.evaluate(
        () => (window as unknown as { notReloaded?: boolean }).notReloaded,
      ),
    ).toBe(true);
    // One code swapped, once; the chat tool's forged message never reached the server.
    expect(redeemed).toEqual([200]);

    // The frame's session is its own, for the agent.
    const session = await lookupFrame.evaluate(async () => {
      const response = await fetch('/console/session');
      return (await response.json()) as { role: string; user: { email: string } };
    });
    expect(session).toMatchObject({ role: 'agent', user: { email: 'agent@demo.test' } });
    await expectNoA11yViolations(page, ['#app']);
    await saveScreenshot(page, `.tmp/embed-sign-in/signed-in-390-${scheme}.png`);
  });
}

test('a sign-in code sent from the chat tool’s page, or one the console never gave, signs nobody in', async ({
  page,
}) => {
  await page.goto(`${chatToolOrigin}/`);
  const frame = page.frameLocator('#app');
  await expect(frame.getByRole('searchbox', { name: 'Look up an organization' })).toBeVisible();
  const lookupFrame = page.frame({ url: (url) => url.href.startsWith(lookupUrl) })!;
  // The chat tool's own page asks for a code with the console's header: refused (another origin).
  const fromChatTool = await page.evaluate(async (origin) => {
    try {
      const response = await fetch(`${origin}/console/frame-sign-in/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        body: JSON.stringify({ code: 'A'.repeat(43) }),
        credentials: 'include',
      });
      return response.status;
    } catch {
      return 'blocked';
    }
  }, consoleOrigin);
  expect(fromChatTool).toBe('blocked');
  // From the frame itself, a code the console never gave: 400, still not signed in.
  const unknown = await lookupFrame.evaluate(async () => {
    const response = await fetch('/console/frame-sign-in/redeem', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ code: 'A'.repeat(43) }),
    });
    const session = await fetch('/console/session');
    return [response.status, session.status];
  });
  expect(unknown).toEqual([400, 401]);
});
