// The pins routes over a real store and sessions (the demo provider's console, in-process): a
// person's own list, kept across requests, refused without a session, from another site's page, or
// without the console page's header; in local mode the page keeps pins itself (404 here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';

let subject: ConsoleWithSignIn;
beforeAll(async () => {
  subject = await startConsoleWithSignIn();
});
afterAll(() => subject.close());

function fromPage(cookie: string) {
  return { cookie, origin: subject.origin, 'x-console-request': '1' };
}

async function pins(
  cookie: string,
  method: string,
  path: string,
): Promise<{ status: number; body: { pins?: string[]; error?: string } }> {
  const response = await subject.app.request(`${subject.origin}/console/pins/${path}`, {
    method,
    headers: fromPage(cookie),
  });
  expect(response.headers.get('cache-control')).toMatch(/no-store/);
  return { status: response.status, body: (await response.json()) as { pins?: string[] } };
}

describe('/console/pins', () => {
  it("keeps a person's pins per chatbot, in order, each once", async () => {
    const cookie = await subject.sessionCookie('viewer');
    expect(await pins(cookie, 'GET', 'demo')).toEqual({ status: 200, body: { pins: [] } });
    expect((await pins(cookie, 'PUT', 'demo/org-b')).body.pins).toEqual(['org-b']);
    expect((await pins(cookie, 'PUT', 'demo/org-a')).body.pins).toEqual(['org-b', 'org-a']);
    expect((await pins(cookie, 'PUT', 'demo/org-b')).body.pins).toEqual(['org-b', 'org-a']);
    expect((await pins(cookie, 'PUT', 'other/org-c')).body.pins).toEqual(['org-c']);
    expect((await pins(cookie, 'GET', 'demo')).body.pins).toEqual(['org-b', 'org-a']);
    expect((await pins(cookie, 'DELETE', 'demo/org-b')).body.pins).toEqual(['org-a']);
    // Ids are path segments, decoded once: any character an id may hold.
    const odd = encodeURIComponent('a/b?c#d%e');
    expect((await pins(cookie, 'PUT', `demo/${odd}`)).body.pins).toEqual(['org-a', 'a/b?c#d%e']);
  });

  it("never shows or changes another person's pins", async () => {
    const ada = await subject.sessionCookie('agent', { subject: 'ada', email: 'ada@x.test' });
    const bob = await subject.sessionCookie('admin', { subject: 'bob', email: 'bob@x.test' });
    await pins(ada, 'PUT', 'demo/ada-1');
    expect((await pins(bob, 'GET', 'demo')).body.pins).toEqual([]);
    await pins(bob, 'DELETE', 'demo/ada-1');
    expect((await pins(ada, 'GET', 'demo')).body.pins).toEqual(['ada-1']);
  });

  it('answers 401 without a session, and changes nothing', async () => {
    const response = await pins('', 'PUT', 'demo/x');
    expect(response.status).toBe(401);
    expect(response.body.error).toMatch(/Sign in/);
  });

  it("refuses another site's page: writes, and reads too", async () => {
    const cookie = await subject.sessionCookie('admin', { subject: 'carol', email: 'c@x.test' });
    const write = await subject.app.request(`${subject.origin}/console/pins/demo/x`, {
      method: 'PUT',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'x-console-request': '1',
      },
    });
    expect(write.status).toBe(403);
    const withoutHeader = await subject.app.request(`${subject.origin}/console/pins/demo/x`, {
      method: 'PUT',
      headers: { cookie, origin: subject.origin },
    });
    expect(withoutHeader.status).toBe(403);
    const read = await subject.app.request(`${subject.origin}/console/pins/demo`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(read.status).toBe(403);
    expect((await pins(cookie, 'GET', 'demo')).body.pins).toEqual([]);
  });

  it('refuses ids no API hands out, and other methods', async () => {
    const cookie = await subject.sessionCookie('viewer', { subject: 'dan', email: 'd@x.test' });
    const tooLong = await pins(cookie, 'PUT', `demo/${'x'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatch(/1–200 characters/);
    expect((await pins(cookie, 'PUT', 'demo/%20')).status).toBe(400);
    expect((await pins(cookie, 'POST', 'demo/x')).status).toBe(405);
    expect((await pins(cookie, 'GET', 'demo')).status).toBe(200);
  });

  it('is not there in local mode: the page keeps pins in the browser', async () => {
    const local = subject.appWithoutSignIn({ audit: true });
    const response = await local.request(`${subject.origin}/console/pins/demo`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/in this browser/);
  });
});
