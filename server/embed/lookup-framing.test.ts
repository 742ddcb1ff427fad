// Only the lookup page may be framed, only by EMBED_ALLOWED_ORIGINS; every other answer keeps
// frame-ancestors 'none' and X-Frame-Options: DENY (and Cross-Origin-Opener-Policy: same-origin,
// which the lookup page goes without). With sign-in on, the lookup page itself is
// served without a session (it asks for sign-in in its frame); its data is not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';

const HOST_ORIGINS = ['https://chat.example.com', 'http://localhost:4515'];
const HTML = { Accept: 'text/html' };
const INDEX_HTML = '<!doctype html><title>console</title><div id="root"></div>';
const LOOKUP_HTML =
  '<!doctype html><head><title>lookup</title><script>document.title = "x"</script></head><div id="root"></div>';

function frameAncestors(response: Response): string | undefined {
  const csp = response.headers.get('content-security-policy') ?? '';
  return /frame-ancestors ([^;]+)/.exec(csp)?.[1];
}

let embedded: ConsoleWithSignIn;
let plain: ConsoleWithSignIn;
beforeAll(async () => {
  [embedded, plain] = await Promise.all([
    startConsoleWithSignIn({ embedAllowedOrigins: HOST_ORIGINS }),
    startConsoleWithSignIn(),
  ]);
  for (const console of [embedded, plain]) {
    writeFileSync(join(console.distDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(console.distDir, 'lookup.html'), LOOKUP_HTML);
  }
});
afterAll(async () => {
  await Promise.all([embedded.close(), plain.close()]);
});

describe('framing with EMBED_ALLOWED_ORIGINS', () => {
  it('lets exactly those origins frame the lookup page, without X-Frame-Options', async () => {
    const cookie = await embedded.sessionCookie('viewer');
    for (const path of ['/chatbots/demo/lookup', '/chatbots/demo/lookup?email=a@b.test']) {
      const response = await embedded.app.request(path, { headers: { ...HTML, cookie } });
      expect(response.status).toBe(200);
      // The page learns whose messages it may read from the server, with no request of its own.
      expect(await response.text()).toBe(
        LOOKUP_HTML.replace(
          '</head>',
          '<meta name="embed-allowed-origins" content="https://chat.example.com http://localhost:4515" />\n  </head>',
        ),
      );
      expect(frameAncestors(response)).toBe('https://chat.example.com http://localhost:4515');
      expect(response.headers.get('x-frame-options')).toBeNull();
      // Not isolated from its opener: isolation would cost a fresh tab a renderer process of its
      // own, started only once this answer is in (server/static.ts).
      expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
      // Its inline script is allowed by its hash, as index.html's is.
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    }
  });

  it("keeps frame-ancestors 'none' and DENY for every other route", async () => {
    const cookie = await embedded.sessionCookie('admin');
    for (const path of [
      '/',
      '/chatbots/demo/organizations',
      '/chatbots/demo/organizations/abc',
      '/chatbots/demo/lookup/more',
      '/chatbots/demo/lookups',
      '/audit',
      '/console/session',
      '/console/pins/demo',
      '/v1/chatbots/demo/organizations?limit=1',
      '/assets/missing.js',
    ]) {
      const response = await embedded.app.request(path, { headers: { ...HTML, cookie } });
      expect(frameAncestors(response), path).toBe("'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
  });

  it('serves the lookup page without a session (it asks for sign-in); its data needs one', async () => {
    const page = await embedded.app.request('/chatbots/demo/lookup', { headers: HTML });
    expect(page.status).toBe(200);
    const search = await embedded.app.request('/v1/chatbots/demo/organizations/search?query=a');
    expect(search.status).toBe(401);
    // Every other page still goes to sign-in.
    const list = await embedded.app.request('/chatbots/demo/organizations', { headers: HTML });
    expect(list.status).toBe(302);
  });

  it('sets the session cookie SameSite=None; Secure; Partitioned for the frame', async () => {
    const browser = embedded.browser();
    await browser.signIn('agent@demo.test');
    const setCookie = browser.setCookies.find((line) => line.startsWith(SESSION_COOKIE));
    expect(setCookie).toMatch(/SameSite=None/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/Partitioned/i);
  });
});

describe('framing without EMBED_ALLOWED_ORIGINS', () => {
  it("refuses every frame, the lookup page's too, and keeps the cookie as it was", async () => {
    const cookie = await plain.sessionCookie('viewer');
    const response = await plain.app.request('/chatbots/demo/lookup', {
      headers: { ...HTML, cookie },
    });
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe("'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    const browser = plain.browser();
    await browser.signIn('agent@demo.test');
    const setCookie = browser.setCookies.find((line) => line.startsWith(SESSION_COOKIE));
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Partitioned|Secure/i);
  });
});
