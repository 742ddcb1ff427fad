// Requests as another site's page can make a browser send them (a form, a beacon, a no-cors
// fetch), and as the console's own page and API clients send them: only the last two change
// anything. Through the console app in-process, over a real sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CROSS_SITE_READ_ERROR,
  CROSS_SITE_WRITE_ERROR,
  MISSING_CONSOLE_HEADER_ERROR,
} from '../pipeline/same-origin.ts';
import { JSON_ONLY_ERROR } from '../pipeline/json-body.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import {
  CONSOLE_ORIGIN,
  expectRefusedChangingNothing,
  FROM_CONSOLE_PAGE,
  FULL_ACCESS_KEY,
  jsonBody,
  ORGANIZATIONS,
  startConsoleUnderTest,
  type ConsoleUnderTest,
} from './console-under-test.ts';

const EVIL = 'https://evil.example';
// What Chromium sends with each cross-site attack (e2e/cross-site.spec.ts replays them for real).
const CROSS_SITE = { origin: EVIL, 'sec-fetch-site': 'cross-site' };
const NAME = JSON.stringify({ name: 'Planted by another site' });

let subject: ConsoleUnderTest;
let existing: OrganizationDto;
beforeAll(async () => {
  subject = startConsoleUnderTest(0);
  const created = await subject.app.request(ORGANIZATIONS, jsonBody('POST', { name: 'Target' }));
  existing = ((await created.json()) as { organization: OrganizationDto }).organization;
});
afterAll(() => subject.close());

function expectRefused(init: RequestInit, status: number, error: string, path = ORGANIZATIONS) {
  return expectRefusedChangingNothing(subject, path, init, status, error);
}

describe('a page on another site changes nothing', () => {
  it.each([
    [
      'a no-cors fetch with a text/plain body',
      { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-mode': 'no-cors' },
    ],
    [
      'a <form enctype=text/plain> post',
      { 'content-type': 'text/plain', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    ],
    [
      'a urlencoded form post',
      { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-mode': 'navigate' },
    ],
    [
      'navigator.sendBeacon',
      { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-mode': 'no-cors' },
    ],
    ['a fetch claiming JSON (after a refused preflight)', { 'content-type': 'application/json' }],
  ])('%s: 403, nothing created', async (_attack, headers) => {
    await expectRefused(
      { method: 'POST', headers: { ...CROSS_SITE, ...headers }, body: NAME },
      403,
      CROSS_SITE_WRITE_ERROR,
    );
  });

  it.each([
    ['PATCH', jsonBody('PATCH', { organization: { name: 'Taken', variables: {} } }, CROSS_SITE)],
    ['DELETE', { method: 'DELETE', headers: { ...CROSS_SITE, 'x-console-request': '1' } }],
    ['PUT', { method: 'PUT', headers: CROSS_SITE, body: NAME }],
  ])('%s from another site: 403, the organization unchanged', async (_method, init) => {
    await expectRefused(init, 403, CROSS_SITE_WRITE_ERROR, `${ORGANIZATIONS}/${existing.id}`);
  });

  it.each([
    ['an opaque origin ("null", a sandboxed frame or a data: page)', { origin: 'null' }],
    ['the same site on another port', { origin: 'http://localhost:8080' }],
    ['no Origin, and Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['no Origin and no Sec-Fetch-Site at all', {}],
    [
      "the console's Origin but Sec-Fetch-Site: cross-site",
      { origin: CONSOLE_ORIGIN, 'sec-fetch-site': 'cross-site' },
    ],
  ])('%s: 403', async (_case, headers) => {
    await expectRefused(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1', ...headers },
        body: NAME,
      },
      403,
      CROSS_SITE_WRITE_ERROR,
    );
  });

  it('reads from another site are refused too (no embedding or timing of the API)', async () => {
    for (const path of [
      `${ORGANIZATIONS}?limit=1`,
      `${ORGANIZATIONS}/${existing.id}`,
      '/console/config',
    ]) {
      const response = await subject.app.request(path, {
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
      });
      expect(response.status, path).toBe(403);
      expect(await response.json()).toEqual({ error: CROSS_SITE_READ_ERROR });
    }
  });

  it('a link from another site to a page of the console still opens it', async () => {
    const response = await subject.app.request('/organizations', {
      headers: {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        accept: 'text/html',
      },
    });
    expect(response.status).not.toBe(403);
  });

  it('a preflight is never granted: 405 with Allow and no Access-Control-* header', async () => {
    const response = await subject.app.request(`${ORGANIZATIONS}/${existing.id}`, {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'x-chatcaptain-key, x-console-request',
      },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect(
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-')),
    ).toEqual([]);
  });
});

describe("the console's own page", () => {
  it('changes data with its Origin and X-Console-Request: 1', async () => {
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${existing.id}`,
      jsonBody('PATCH', { organization: { industry: 'Checked', variables: {} } }),
    );
    expect(response.status).toBe(200);
    existing = ((await response.json()) as { organization: OrganizationDto }).organization;
  });

  it('without X-Console-Request changes nothing, and the answer says why', async () => {
    await expectRefused(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: CONSOLE_ORIGIN },
        body: NAME,
      },
      403,
      MISSING_CONSOLE_HEADER_ERROR,
    );
  });

  it('with Sec-Fetch-Site: same-origin and no Origin, as a browser may send it', async () => {
    const response = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        'x-console-request': '1',
      },
      body: JSON.stringify({ name: 'Same origin, no Origin header' }),
    });
    expect(response.status).toBe(201);
  });

  it('may send only JSON: a text/plain body is 415 even from the console', async () => {
    await expectRefused(
      {
        method: 'POST',
        headers: { ...FROM_CONSOLE_PAGE, 'content-type': 'text/plain' },
        body: NAME,
      },
      415,
      JSON_ONLY_ERROR,
    );
  });
});

describe('an API client (a request with its own key)', () => {
  it('needs no Origin and no console header', async () => {
    const response = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chatcaptain-key': FULL_ACCESS_KEY },
      body: JSON.stringify({ name: 'Created by a script' }),
    });
    expect(response.status).toBe(201);
  });

  it('still sends only JSON (the body rules apply to it)', async () => {
    await expectRefused(
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-chatcaptain-key': FULL_ACCESS_KEY },
        body: NAME,
      },
      415,
      JSON_ONLY_ERROR,
    );
  });

  it('a blank key is no key: the same-origin rule applies', async () => {
    await expectRefused(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chatcaptain-key': '  ' },
        body: NAME,
      },
      403,
      CROSS_SITE_WRITE_ERROR,
    );
  });
});
