// Sign-in through the real demo provider (oidc-provider over HTTP) into the console app: deep links
// come back where they were, the session is a cookie with the right attributes, the callback
// accepts only a sign-in its browser began, returnTo never leaves the console, sign-out ends the
// session at once and sends the browser to the provider's logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiePolicy, sessionCookieOptions } from '../auth/session-cookie.ts';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import { FROM_CONSOLE_PAGE } from './console-under-test.ts';

const DEEP_LINK = '/chatbots/demo/organizations/some-id?tab=edit';

let subject: ConsoleWithSignIn;

beforeAll(async () => {
  subject = await startConsoleWithSignIn({ seedOrganizations: 3 });
}, 60_000);

afterAll(async () => {
  await subject?.close();
});

async function sessionOf(cookie: string) {
  const response = await subject.app.request('/console/session', { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sign-in through the demo provider', () => {
  it('sends a page load without a session to sign-in, and back to the same address after', async () => {
    const browser = subject.browser();
    const first = await browser.request(`${subject.origin}${DEEP_LINK}`);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(
      `/console/sign-in?returnTo=${encodeURIComponent(DEEP_LINK)}`,
    );
    expect(first.headers.get('cache-control')).toBe('no-store');

    const toProvider = await browser.request(
      new URL(first.headers.get('location') as string, subject.origin).href,
    );
    expect(toProvider.status).toBe(302);
    const authorization = new URL(toProvider.headers.get('location') as string);
    expect(authorization.origin).toBe(subject.provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorization.searchParams.get('redirect_uri')).toBe(
      `${subject.origin}/console/callback`,
    );

    const landed = await browser.signIn('agent@demo.test', 'demo', DEEP_LINK);
    expect(landed.url).toBe(`${subject.origin}${DEEP_LINK}`);
    const cookie = browser.cookieHeader(new URL(subject.origin));
    expect(await sessionOf(cookie)).toEqual({
      status: 200,
      body: {
        mode: 'demo',
        signInRequired: true,
        // This harness gives the console no key operations (as upstream, where only a 403 tells).
        keyOperations: null,
        user: { subject: 'demo-agent', name: 'Alex Agent', email: 'agent@demo.test' },
        role: 'agent',
        operations: ['list', 'search', 'get', 'update', 'contacts', 'contactsCount'],
        operationRoles: {
          list: 'viewer',
          create: 'admin',
          search: 'viewer',
          get: 'viewer',
          update: 'agent',
          delete: 'admin',
          contacts: 'viewer',
          contactsCount: 'viewer',
          audit: 'admin',
        },
        session: {
          expiresAt: expect.any(Number),
          absoluteExpiresAt: expect.any(Number),
          idleTimeoutMs: 30 * 60_000,
        },
      },
    });
  });

  it.each([
    ['viewer@demo.test', 'viewer'],
    ['agent@demo.test', 'agent'],
    ['admin@demo.test', 'admin'],
  ])('gives %s the role of its groups claim (%s)', async (email, role) => {
    const browser = subject.browser();
    await browser.signIn(email);
    const { body } = await sessionOf(browser.cookieHeader(new URL(subject.origin)));
    expect(body.role).toBe(role);
    expect((body.user as { email: string }).email).toBe(email);
  });

  it('keeps a wrong password at the provider: no session, the sign-in page again', async () => {
    const browser = subject.browser();
    const answer = await browser.signIn('agent@demo.test', 'not-the-password');
    expect(answer.response.status).toBe(401);
    expect(await answer.response.text()).toContain('not a demo user');
    expect(browser.cookie(subject.origin, 'console_session')).toBeUndefined();
  });

  it('sets the session cookie httpOnly, SameSite=Lax, for the whole console, without Secure over http', async () => {
    const browser = subject.browser();
    await browser.signIn('viewer@demo.test');
    const sessionCookie = browser.setCookies.find((line) => line.startsWith('console_session='));
    expect(sessionCookie).toMatch(/^console_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const signInCookie = browser.setCookies.find(
      (line) => line.startsWith('console_sign_in=') && !line.includes('Max-Age=0'),
    );
    expect(signInCookie).toMatch(
      /^console_sign_in=[\w-]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it('stores only a hash of the session id', async () => {
    const browser = subject.browser();
    await browser.signIn('viewer@demo.test');
    const id = browser.cookie(subject.origin, 'console_session') as string;
    expect(await subject.store.sessions.get(id)).not.toBeNull();
    // The id itself reads nothing back when looked up as a hash would be stored.
    expect(JSON.stringify(await subject.store.sessions.get(id))).not.toContain(id);
  });
});

describe('what the callback accepts', () => {
  async function callbackUrlFor(
    email: string,
  ): Promise<{ url: string; browser: ReturnType<ConsoleWithSignIn['browser']> }> {
    const browser = subject.browser();
    const start = await browser.navigate(`${subject.origin}/console/sign-in`);
    const html = await start.response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1] as string;
    const posted = await browser.request(new URL(action, start.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: 'demo' }).toString(),
    });
    let url = new URL(posted.headers.get('location') as string, start.url).href;
    while (!url.startsWith(`${subject.origin}/console/callback`)) {
      const hop = await browser.request(url);
      url = new URL(hop.headers.get('location') as string, url).href;
    }
    return { url, browser };
  }

  it('refuses a callback in a browser that did not begin that sign-in (login CSRF)', async () => {
    const attacker = await callbackUrlFor('admin@demo.test');
    const victim = subject.browser();
    const answer = await victim.request(attacker.url);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('begun in another browser');
    expect(victim.cookie(subject.origin, 'console_session')).toBeUndefined();
    // The sign-in was not used up: its own browser still finishes it.
    const own = await attacker.browser.request(attacker.url);
    expect(own.status).toBe(303);
  });

  it('uses a callback once', async () => {
    const { url, browser } = await callbackUrlFor('viewer@demo.test');
    expect((await browser.request(url)).status).toBe(303);
    const signInCookie = browser.setCookies.find(
      (line) => line.startsWith('console_sign_in=') && !line.includes('Max-Age=0'),
    ) as string;
    const state = new URL(url).searchParams.get('state') as string;
    expect(signInCookie).toContain(state);
    // Replayed with the sign-in cookie put back: the state is gone from the store.
    const replay = await subject.app.request(url, {
      headers: { cookie: `console_sign_in=${state}` },
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or was already used');
  });

  it('refuses a callback without a state, and one whose code was tampered with', async () => {
    expect((await subject.app.request('/console/callback?code=abc')).status).toBe(400);
    const { url, browser } = await callbackUrlFor('viewer@demo.test');
    const tampered = new URL(url);
    tampered.searchParams.set('code', 'not-the-code');
    const answer = await browser.request(tampered.href);
    expect(answer.status).toBe(502);
    expect(browser.cookie(subject.origin, 'console_session')).toBeUndefined();
  });

  it('says so when the provider answers with an error, without echoing its text', async () => {
    const browser = subject.browser();
    const toProvider = await browser.request(`${subject.origin}/console/sign-in`);
    const state = new URL(toProvider.headers.get('location') as string).searchParams.get(
      'state',
    ) as string;
    const answer = await browser.request(
      `${subject.origin}/console/callback?state=${state}&error=access_denied&error_description=${encodeURIComponent('Call +1 555 0100 now')}`,
    );
    expect(answer.status).toBe(401);
    const html = await answer.text();
    expect(html).toContain('did not sign you in (access_denied)');
    expect(html).not.toContain('555');
  });
});

describe('returnTo', () => {
  it.each([
    '//evil.test/path',
    'https://evil.test/',
    '/\\evil.test',
    '\\\\evil.test',
    'javascript:alert(1)',
    '/\t/evil.test',
    '///evil.test',
    '/ok\r\nLocation: https://evil.test',
    '/./../evil',
    'evil.test',
    '/console/sign-out',
    '/v1/chatbots/demo/organizations',
  ])('refuses %j: no redirect anywhere', async (returnTo) => {
    const response = await subject.app.request(
      `/console/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('This sign-in link is not valid');
  });

  it('refuses returnTo given twice', async () => {
    const response = await subject.app.request('/console/sign-in?returnTo=/a&returnTo=//evil.test');
    expect(response.status).toBe(400);
  });

  it('accepts a path with its query and an encoded id', async () => {
    const response = await subject.app.request(
      `/console/sign-in?returnTo=${encodeURIComponent('/chatbots/demo/organizations/a%2Fb?q=n%C3%B6rd')}`,
    );
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') as string).origin).toBe(
      subject.provider.issuer,
    );
  });
});

describe('the sign-in pages and other sites', () => {
  it('lets another site navigate to sign-in and the callback, but not read the session', async () => {
    const navigation = {
      'sec-fetch-site': 'same-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    };
    expect((await subject.app.request('/console/sign-in', { headers: navigation })).status).toBe(
      302,
    );
    expect((await subject.app.request('/console/callback', { headers: navigation })).status).toBe(
      400,
    );
    const read = await subject.app.request('/console/session', {
      headers: {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'cors',
        'sec-fetch-dest': 'empty',
      },
    });
    expect(read.status).toBe(403);
    const framed = await subject.app.request('/console/sign-in', {
      headers: { ...navigation, 'sec-fetch-dest': 'iframe' },
    });
    expect(framed.status).toBe(403);
  });
});

describe('sign-out', () => {
  it('ends the session at once and sends the browser to the provider to sign out there too', async () => {
    const browser = subject.browser();
    await browser.signIn('agent@demo.test');
    const cookie = browser.cookieHeader(new URL(subject.origin));
    expect(
      (await subject.app.request('/v1/chatbots/demo/organizations', { headers: { cookie } }))
        .status,
    ).toBe(200);

    const answer = await browser.request(`${subject.origin}/console/sign-out`, {
      method: 'POST',
      headers: FROM_CONSOLE_PAGE,
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { signedOut: boolean; redirectTo: string };
    expect(body.signedOut).toBe(true);
    const logout = new URL(body.redirectTo);
    expect(logout.origin).toBe(subject.provider.issuer);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(
      `${subject.origin}/console/signed-out`,
    );
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(answer.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^console_session=; Max-Age=0; Path=\/;/),
    );

    // The old cookie, sent again, is worth nothing.
    const after = await subject.app.request('/v1/chatbots/demo/organizations', {
      headers: { cookie },
    });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      error: 'Sign in to continue: you are not signed in, or your session has ended.',
      signInUrl: '/console/sign-in',
    });
    const page = await subject.app.request('/chatbots/demo/organizations', { headers: { cookie } });
    expect(page.status).toBe(302);

    // The provider's logout page, then back to the console's signed-out page.
    const providerPage = await browser.navigate(body.redirectTo);
    expect(providerPage.response.status).toBe(200);
    expect(await providerPage.response.text()).toContain('Yes, sign me out');
  });

  it('is refused without the console page’s header, and the session stays', async () => {
    const cookie = await subject.sessionCookie('viewer');
    const refused = await subject.app.request('/console/sign-out', {
      method: 'POST',
      headers: { cookie, origin: subject.origin },
    });
    expect(refused.status).toBe(403);
    expect((await sessionOf(cookie)).status).toBe(200);
  });

  it('shows a signed-out page that offers to sign in again', async () => {
    const response = await subject.app.request('/console/signed-out');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('You have signed out');
    expect(html).toContain('href="/console/sign-in"');
  });
});

describe('in local mode’s names (no CONSOLE_URL)', () => {
  let local: ConsoleWithSignIn;
  beforeAll(async () => {
    local = await startConsoleWithSignIn({ localPort: 4173 });
  }, 60_000);
  afterAll(async () => {
    await local?.close();
  });

  it('begins sign-in at the console’s own address, where the callback is, and returns there', async () => {
    const browser = local.browser();
    const first = await browser.request('http://127.0.0.1:4173/console/sign-in?returnTo=%2Fx');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(
      'http://localhost:4173/console/sign-in?returnTo=%2Fx',
    );
    const deepLink = await browser.request('http://127.0.0.1:4173/chatbots/demo/organizations');
    const landed = await browser.signIn('viewer@demo.test', 'demo', '/chatbots/demo/organizations');
    expect(deepLink.status).toBe(302);
    expect(landed.url).toBe('http://localhost:4173/chatbots/demo/organizations');
  });
});

describe('cookie attributes over https', () => {
  let secure: ConsoleWithSignIn;
  beforeAll(async () => {
    secure = await startConsoleWithSignIn({ origin: 'https://console.example.test' });
  }, 60_000);
  afterAll(async () => {
    await secure?.close();
  });

  it('names the cookies __Host- and marks them Secure', async () => {
    const browser = secure.browser();
    const landed = await browser.signIn('admin@demo.test', 'demo', '/x');
    expect(landed.url).toBe('https://console.example.test/x');
    const sessionCookie = browser.setCookies.find((line) =>
      line.startsWith('__Host-console_session='),
    );
    expect(sessionCookie).toMatch(
      /^__Host-console_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(browser.setCookies).toContainEqual(
      expect.stringMatching(
        /^__Host-console_sign_in=[\w-]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      ),
    );
    const cookie = browser.cookieHeader(new URL('https://console.example.test/'));
    const session = await secure.app.request('https://console.example.test/console/session', {
      headers: { cookie },
    });
    expect(((await session.json()) as { role: string }).role).toBe('admin');
  });

  it('has one place for an embedded console’s cookie: SameSite=None; Secure; Partitioned', () => {
    expect(sessionCookieOptions(cookiePolicy('https://console.example.test', true))).toEqual({
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: 'None',
      partitioned: true,
    });
    // Browsers treat this machine as secure: a test host page on another port can frame it.
    expect(sessionCookieOptions(cookiePolicy('http://localhost:4173', true))).toMatchObject({
      secure: true,
      sameSite: 'None',
      partitioned: true,
    });
    expect(sessionCookieOptions(cookiePolicy(undefined, true)).sameSite).toBe('None');
    expect(() => cookiePolicy('http://console.example.test', true)).toThrow(/https/);
    // Unset EMBED_ALLOWED_ORIGINS: the cookie is what it always was.
    expect(sessionCookieOptions(cookiePolicy('http://localhost:4173'))).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
    });
  });
});
