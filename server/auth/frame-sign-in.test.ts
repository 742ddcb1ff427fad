// The lookup's sign-in inside a chat tool's frame (frame-sign-in-routes.ts): the pop-up signs in
// at the real demo provider and ends on /console/frame-sign-in, asks for a one-time code, and the
// frame swaps the code for a session of its own — once, within a minute, from the console's own
// page only, for the same person and role.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FRAME_SIGN_IN_SCRIPT_HASH } from './frame-sign-in-page.ts';
import { REFUSED_CODE_ERROR } from './frame-sign-in-routes.ts';
import type { BrowserClient } from './test-support/browser-client.ts';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from './test-support/console-with-sign-in.ts';

const CHAT_TOOL = 'http://127.0.0.1:4516';

let consoleServer: ConsoleWithSignIn;
let plain: ConsoleWithSignIn;
beforeAll(async () => {
  [consoleServer, plain] = await Promise.all([
    startConsoleWithSignIn({ embedAllowedOrigins: [CHAT_TOOL] }),
    startConsoleWithSignIn(),
  ]);
});
afterAll(async () => {
  await Promise.all([consoleServer.close(), plain.close()]);
});
beforeEach(() => {
  consoleServer.clock.now = Date.now();
  consoleServer.logs.length = 0;
});

/** The console page's own request headers for a write (src/api/client.ts). */
function fromConsolePage(cookie = '', extra: Record<string, string> = {}): Record<string, string> {
  return {
    origin: consoleServer.origin,
    'sec-fetch-site': 'same-origin',
    'x-console-request': '1',
    'content-type': 'application/json',
    ...(cookie === '' ? {} : { cookie }),
    ...extra,
  };
}

/** The pop-up: sign-in at the provider, back on the frame sign-in page; then its code. */
async function popUpCode(
  email = 'agent@demo.test',
): Promise<{ code: string; popUp: BrowserClient }> {
  const popUp = consoleServer.browser();
  const landed = await popUp.signIn(email, 'demo', '/console/frame-sign-in');
  expect(landed.url).toBe(`${consoleServer.origin}/console/frame-sign-in`);
  expect(landed.response.status).toBe(200);
  const minted = await popUp.request(`${consoleServer.origin}/console/frame-sign-in/code`, {
    method: 'POST',
    headers: fromConsolePage(),
  });
  expect(minted.status).toBe(200);
  const { code } = (await minted.json()) as { code: string };
  return { code, popUp };
}

/** The frame's request (no cookie of the pop-up's: another cookie partition). */
function redeem(code: unknown, headers = fromConsolePage()) {
  return consoleServer.app.request('/console/frame-sign-in/redeem', {
    method: 'POST',
    headers,
    body: JSON.stringify({ code }),
  });
}

function sessionCookieOf(response: Response): string {
  const line = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('console_session='));
  expect(line).toBeDefined();
  return line!.split(';')[0]!;
}

async function sessionOf(cookie: string) {
  const response = await consoleServer.app.request('/console/session', { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('signing in the lookup inside a frame', () => {
  it('ends the pop-up on a page that keeps its opener and runs only its own script', async () => {
    const popUp = consoleServer.browser();
    // Not signed in: on to sign-in, coming back to this page, every step keeping the opener.
    const first = await popUp.request(`${consoleServer.origin}/console/frame-sign-in`);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(
      '/console/sign-in?returnTo=%2Fconsole%2Fframe-sign-in',
    );
    expect(first.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    const begin = await popUp.request(`${consoleServer.origin}${first.headers.get('location')}`);
    expect(begin.status).toBe(302);
    expect(begin.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');

    const landed = await popUp.signIn('agent@demo.test', 'demo', '/console/frame-sign-in');
    const html = await landed.response.text();
    expect(html).toContain('Signed in as agent@demo.test');
    expect(landed.response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    const csp = landed.response.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self' ${FRAME_SIGN_IN_SCRIPT_HASH}`);
    expect(csp).toContain("frame-ancestors 'none'");
    // It holds no code and no session id: the script asks for a code with a POST.
    const cookie = popUp.cookie(consoleServer.origin, 'console_session')!;
    expect(html).not.toContain(cookie);
    expect(html).not.toMatch(/[A-Za-z0-9_-]{43}/);

    // A sign-in for any other page keeps the console's usual isolation.
    const usual = await popUp.request(`${consoleServer.origin}/console/sign-in?returnTo=%2F`);
    expect(usual.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('swaps a good code for the frame’s own partitioned session, same person and role', async () => {
    const { code, popUp } = await popUpCode('agent@demo.test');
    const response = await redeem(code);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signedIn: true, role: 'agent' });
    const line = response.headers.getSetCookie().find((set) => set.startsWith('console_session='))!;
    expect(line).toMatch(/SameSite=None/);
    expect(line).toMatch(/Secure/);
    expect(line).toMatch(/Partitioned/);

    const frameCookie = sessionCookieOf(response);
    // A session of its own: not the pop-up's id.
    expect(frameCookie).not.toBe(
      `console_session=${popUp.cookie(consoleServer.origin, 'console_session')}`,
    );
    const session = await sessionOf(frameCookie);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      role: 'agent',
      user: { email: 'agent@demo.test', name: 'Alex Agent' },
    });
    // The frame may now search.
    const search = await consoleServer.app.request(
      '/v1/chatbots/demo/organizations/search?query=a&page=1&pageSize=1',
      { headers: { cookie: frameCookie } },
    );
    expect(search.status).toBe(200);
    expect(
      consoleServer.logs.some((log) =>
        log.includes('agent@demo.test signed in as agent inside a chat tool'),
      ),
    ).toBe(true);
  });

  it.each([
    ['viewer@demo.test', 'viewer'],
    ['admin@demo.test', 'admin'],
  ])('keeps the role: %s is %s in the frame too', async (email, role) => {
    const { code } = await popUpCode(email);
    const response = await redeem(code);
    expect(response.status).toBe(200);
    expect((await sessionOf(sessionCookieOf(response))).body).toMatchObject({
      role,
      user: { email },
    });
  });

  it('refuses a code used already, and changes nothing', async () => {
    const { code } = await popUpCode();
    expect((await redeem(code)).status).toBe(200);
    const again = await redeem(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: REFUSED_CODE_ERROR });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(consoleServer.logs.some((log) => log.includes('frame sign-in code was refused'))).toBe(
      true,
    );
  });

  it('refuses a code after its minute, an unknown one and a body without one', async () => {
    const { code } = await popUpCode();
    consoleServer.clock.now += 60_000;
    const late = await redeem(code);
    expect(late.status).toBe(400);
    expect(late.headers.getSetCookie()).toEqual([]);
    expect((await redeem('A'.repeat(43))).status).toBe(400);
    expect((await redeem(42)).status).toBe(400);
    const notJson = await consoleServer.app.request('/console/frame-sign-in/redeem', {
      method: 'POST',
      headers: { ...fromConsolePage(), 'content-type': 'text/plain' },
      body: code,
    });
    expect(notJson.status).toBe(400);
  });

  it('takes a code only from the console’s own page: not the chat tool’s, nor without the header', async () => {
    const { code } = await popUpCode();
    const fromChatTool = await redeem(
      code,
      fromConsolePage('', { origin: CHAT_TOOL, 'sec-fetch-site': 'cross-site' }),
    );
    expect(fromChatTool.status).toBe(403);
    expect(fromChatTool.headers.getSetCookie()).toEqual([]);
    const { 'x-console-request': _header, ...withoutHeader } = fromConsolePage();
    const noHeader = await redeem(code, withoutHeader);
    expect(noHeader.status).toBe(403);
    // Refused before it was read: the code still works from the console's page.
    expect((await redeem(code)).status).toBe(200);
  });

  it('gives a code only to a signed-in pop-up on the console’s own page', async () => {
    const anonymous = await consoleServer.app.request('/console/frame-sign-in/code', {
      method: 'POST',
      headers: fromConsolePage(),
    });
    expect(anonymous.status).toBe(401);
    const cookie = await consoleServer.sessionCookie('agent');
    const crossSite = await consoleServer.app.request('/console/frame-sign-in/code', {
      method: 'POST',
      headers: fromConsolePage(cookie, { origin: CHAT_TOOL, 'sec-fetch-site': 'cross-site' }),
    });
    expect(crossSite.status).toBe(403);
  });

  it('does not exist without EMBED_ALLOWED_ORIGINS, where sign-in is as it was', async () => {
    const cookie = await plain.sessionCookie('agent');
    for (const path of ['/console/frame-sign-in/code', '/console/frame-sign-in/redeem']) {
      const response = await plain.app.request(path, {
        method: 'POST',
        headers: { ...fromConsolePage(cookie), origin: plain.origin },
        body: '{}',
      });
      expect(response.status, path).toBe(404);
    }
    const begin = await plain.app.request('/console/sign-in?returnTo=%2F');
    expect(begin.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });
});
