// The console app's own responses: the SPA with its cache rules and client-route fallback, the
// config endpoint, and the security headers on every kind of response.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../config.ts';
import { createConsoleApp } from '../console-app.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import {
  FROM_CONSOLE_PAGE,
  ORGANIZATIONS,
  startConsoleUnderTest,
  TEST_ACCESS,
  type ConsoleUnderTest,
} from './console-under-test.ts';

const INDEX_HTML = '<!doctype html><title>Organizations Console</title><div id="root"></div>';
const SCRIPT = 'console.log("app");';
const HTML = { Accept: 'text/html,application/xhtml+xml' };

let subject: ConsoleUnderTest;
beforeAll(() => {
  subject = startConsoleUnderTest(0);
  mkdirSync(join(subject.distDir, 'assets'));
  writeFileSync(join(subject.distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(subject.distDir, 'assets', 'index-B4x9Qd1e.js'), SCRIPT);
  writeFileSync(join(subject.distDir, 'assets', 'index-Cs7aQ2pL.css'), 'body{margin:0}');
  writeFileSync(join(subject.distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => subject.close());

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

describe('security headers', () => {
  it('spell the policy the console needs: no inline script, Mantine styles, https avatars', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'",
    );
  });

  it.each([
    ['the app page', '/', HTML],
    ['a client route', '/organizations/abc', HTML],
    ['a hashed asset', '/assets/index-B4x9Qd1e.js', {}],
    ['a missing asset', '/assets/missing-0000.js', {}],
    ['the config', '/console/config', {}],
    ['an API read', `${ORGANIZATIONS}?limit=1`, {}],
    ['an API 404', `${ORGANIZATIONS}/unknown`, {}],
    ['an API 401', `${ORGANIZATIONS}`, { 'x-chatcaptain-key': 'wrong' }],
    ['an unknown API route', '/v1/nothing-here', {}],
  ])('are on %s', async (_case, path, headers) => {
    expectSecurityHeaders(await subject.app.request(path, { headers }));
  });

  it('are on a refused (413) request body', async () => {
    const response = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(2 * 1024 * 1024),
        ...FROM_CONSOLE_PAGE,
      },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024 - 12) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/larger than/) as unknown,
    });
    expectSecurityHeaders(response);
  });

  it('are on an API response whose own headers cannot be changed (as fetch returns them)', async () => {
    const redirect = Response.redirect('https://api.example.test/elsewhere', 307);
    expect(() => redirect.headers.set('x-probe', '1')).toThrow(TypeError);
    const app = createConsoleApp({
      mode: 'upstream',
      defaultChatbotId: 'demo',
      api: async () => redirect,
      distDir: subject.distDir,
      maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
      access: TEST_ACCESS,
    });
    const response = await app.request(`${ORGANIZATIONS}?limit=1`);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('https://api.example.test/elsewhere');
    expectSecurityHeaders(response);
  });
});

describe('the SPA', () => {
  it('serves index.html at / as HTML that is revalidated on every load, kept by no shared cache', async () => {
    const response = await subject.app.request('/', { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('answers HEAD for the app page without a body', async () => {
    const response = await subject.app.request('/organizations', { method: 'HEAD', headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe('');
  });

  it.each(['/organizations', '/organizations/Qm3x_9a', '/search', '/organizations/a.b'])(
    'falls back to index.html for the client route %s',
    async (path) => {
      const response = await subject.app.request(path, { headers: HTML });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(await response.text()).toBe(INDEX_HTML);
    },
  );

  it('serves hashed assets with their content type, cached for a year', async () => {
    const script = await subject.app.request('/assets/index-B4x9Qd1e.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT);

    const style = await subject.app.request('/assets/index-Cs7aQ2pL.css');
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves unhashed public files, revalidated', async () => {
    const icon = await subject.app.request('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['a missing asset', '/assets/index-0000.js', HTML],
    ['a missing file with an extension', '/robots.txt', {}],
    ['an unknown console path', '/console/secrets', HTML],
    ['an unknown API path', '/v1/unknown', HTML],
  ])('answers %s with 404 JSON, never the app', async (_case, path, headers) => {
    const response = await subject.app.request(path, { headers });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.any(String) as unknown });
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json'])(
    'never serves a file outside dist/ (%s)',
    async (path) => {
      const response = await subject.app.request(path);
      expect(await response.text()).not.toContain('"name": "organizations-console"');
    },
  );

  it('answers 503 with a hint for a page while dist/ has no build', async () => {
    rmSync(join(subject.distDir, 'index.html'));
    try {
      const response = await subject.app.request('/organizations', { headers: HTML });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: expect.stringMatching(/npm run build/) as unknown,
      });
    } finally {
      writeFileSync(join(subject.distDir, 'index.html'), INDEX_HTML);
    }
  });
});

describe('/console/config', () => {
  it('tells the browser the mode and the chatbot to open, and nothing else', async () => {
    const response = await subject.app.request('/console/config');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ mode: 'sandbox', defaultChatbotId: 'demo' });
  });
});
