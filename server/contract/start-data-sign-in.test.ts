// The page's first data (page-html.ts, static.ts) with sign-in on: a page load without a live
// session goes to sign-in before any organization is read, so its HTML names none; with one, the
// data is read through the session and role steps as the browser's own request is. A stand-in for
// src/prerender.tsx renders the names of the organizations its data holds (the real one renders
// rows from the same answers; e2e/sign-in.spec.ts checks that one).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import { FULL_ACCESS_KEY, ORGANIZATIONS } from './console-under-test.ts';

const NAME = 'Signed-in Eyes Only GmbH';
const INDEX_HTML =
  '<!doctype html><title>Organizations Console</title>' +
  '<div id="root"></div><script type="module" src="/assets/index-B4x9Qd1e.js"></script>';
const RENDER_MODULE = `
export async function loadStartData(url, transport, signal) {
  const path = '${ORGANIZATIONS}?limit=50';
  const response = await transport(path, { headers: { accept: 'application/json' }, signal });
  return {
    version: 1,
    nowMs: 1,
    rendered: true,
    answers: [{ url: path, status: response.status, body: await response.json() }],
  };
}
export function renderStartPage(url, data) {
  const organizations = data?.answers[0].body.organizations ?? [];
  return '<ul>' + organizations.map((o) => '<li>' + o.name + '</li>').join('') + '</ul>';
}`;
const LIST_PAGE = '/chatbots/demo/organizations';

let subject: ConsoleWithSignIn;

beforeAll(async () => {
  subject = await startConsoleWithSignIn({ seedOrganizations: 0 });
  writeFileSync(join(subject.distDir, 'index.html'), INDEX_HTML);
  mkdirSync(join(subject.distDir, 'ssr'));
  writeFileSync(join(subject.distDir, 'ssr', 'prerender.js'), RENDER_MODULE);
  const created = await subject.sandbox.fetch(
    new Request(`http://sandbox.test${ORGANIZATIONS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chatcaptain-key': FULL_ACCESS_KEY },
      body: JSON.stringify({ name: NAME }),
    }),
  );
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await subject?.close();
});

async function pageLoad(path: string, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'text/html' };
  if (cookie !== undefined) headers.Cookie = cookie;
  return subject.app.request(path, { headers });
}

describe("the page's first data with sign-in on", () => {
  it('is not in the page without a session: the answer is a way to sign in, naming no organization', async () => {
    const sessionCookieName = (await subject.sessionCookie('viewer')).split('=')[0]!;
    for (const cookie of [undefined, `${sessionCookieName}=not-a-session`]) {
      for (const path of [LIST_PAGE, `${LIST_PAGE}?q=Signed`, '/']) {
        const response = await pageLoad(path, cookie);
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toContain('/console/sign-in');
        expect(response.headers.get('cache-control')).toBe('no-store');
        const body = await response.text();
        expect(body).not.toContain(NAME);
        expect(body).not.toContain('console-start-data');
      }
    }
  });

  it('is in the page for a live session, read with its role (a viewer may list)', async () => {
    const cookie = await subject.sessionCookie('viewer');
    const response = await pageLoad(LIST_PAGE, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const html = await response.text();
    expect(html).toContain(`<li>${NAME}</li>`);
    const data = /id="console-start-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(data!)).toMatchObject({ answers: [{ status: 200 }] });
  });

  it('is no longer in the page once the session is revoked', async () => {
    const cookie = await subject.sessionCookie('admin');
    expect(await (await pageLoad(LIST_PAGE, cookie)).text()).toContain(NAME);
    await subject.store.sessions.revoke(cookie.slice(cookie.indexOf('=') + 1));
    const response = await pageLoad(LIST_PAGE, cookie);
    expect(response.status).toBe(302);
    expect(await response.text()).not.toContain(NAME);
  });
});
