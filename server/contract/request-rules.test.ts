// What the console answers before any backend sees a request, in sandbox mode: 404 for what is
// not an operation, 405 with `Allow` for a method the path does not have, 400 for a query or a
// body that is not strictly what the contract takes, 415 for a body that is not JSON; never a
// CORS header. Each refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../api/operations.ts';
import { NOT_UTF8_ERROR } from '../pipeline/json-body.ts';
import { NO_SUCH_OPERATION_ERROR } from '../pipeline/api-operation.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import {
  expectRefusedChangingNothing,
  FROM_CONSOLE_PAGE,
  jsonBody,
  ORGANIZATIONS,
  readJson,
  startConsoleUnderTest,
  type ConsoleUnderTest,
} from './console-under-test.ts';

let subject: ConsoleUnderTest;
let existing: OrganizationDto;
beforeAll(async () => {
  subject = startConsoleUnderTest(0);
  const created = await subject.app.request(ORGANIZATIONS, jsonBody('POST', { name: 'Kept' }));
  existing = ((await created.json()) as { organization: OrganizationDto }).organization;
});
afterAll(() => subject.close());

function expectRefused(path: string, init: RequestInit, status: number, error: RegExp) {
  return expectRefusedChangingNothing(subject, path, init, status, error);
}

const ONE = `${ORGANIZATIONS}/${'{id}'}`;
const paths = () => ({
  [ORGANIZATIONS]: 'GET, POST',
  [`${ORGANIZATIONS}/search`]: 'GET, PATCH, DELETE',
  [ONE.replace('{id}', existing.id)]: 'GET, PATCH, DELETE',
  [`${ORGANIZATIONS}/${existing.id}/contacts`]: 'GET',
  [`${ORGANIZATIONS}/${existing.id}/contacts/count`]: 'GET',
});

describe('the operations table', () => {
  it('names the eight operations of the contract, each once', () => {
    expect(OPERATIONS.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      'GET /v1/chatbots/{chatbotId}/organizations',
      'POST /v1/chatbots/{chatbotId}/organizations',
      'GET /v1/chatbots/{chatbotId}/organizations/search',
      'GET /v1/chatbots/{chatbotId}/organizations/{organizationId}',
      'PATCH /v1/chatbots/{chatbotId}/organizations/{organizationId}',
      'DELETE /v1/chatbots/{chatbotId}/organizations/{organizationId}',
      'GET /v1/chatbots/{chatbotId}/organizations/{organizationId}/contacts',
      'GET /v1/chatbots/{chatbotId}/organizations/{organizationId}/contacts/count',
    ]);
  });
});

describe('405 with Allow for a method the path does not have', () => {
  it.each(['PUT', 'OPTIONS', 'HEAD', 'PROPFIND', 'MKCOL'])(
    '%s on every operation path',
    async (method) => {
      for (const [path, allow] of Object.entries(paths())) {
        const response = await subject.app.request(path, { method, headers: FROM_CONSOLE_PAGE });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
        if (method !== 'HEAD') {
          expect(await response.json()).toEqual({
            error: `Method ${method} is not allowed here; this path allows ${allow}.`,
          });
        }
      }
    },
  );

  it('POST to an organization changes nothing', async () => {
    await expectRefused(
      `${ORGANIZATIONS}/${existing.id}`,
      jsonBody('POST', { name: 'Not a create' }),
      405,
      /allows GET, PATCH, DELETE/,
    );
  });
});

describe('404 for what is not an operation', () => {
  it.each([
    '/v1',
    '/v1/chatbots',
    '/v1/chatbots/demo',
    '/v1/chatbots/demo/settings',
    `${ORGANIZATIONS}/`,
    `${ORGANIZATIONS}//contacts`,
    `${ORGANIZATIONS}/x/contacts/count/more`,
  ])('%s', async (path) => {
    const { status, body } = await readJson(await subject.app.request(path));
    expect(status).toBe(404);
    expect(body).toEqual({ error: NO_SUCH_OPERATION_ERROR });
  });
});

describe('400 for a query that is not strictly the contract', () => {
  it.each([
    ['a repeated parameter', `${ORGANIZATIONS}?limit=1&limit=2`, /"limit" is given more than once/],
    [
      'a repeated search parameter',
      `${ORGANIZATIONS}/search?query=a&query=b&page=1&pageSize=5`,
      /"query" is given more than once/,
    ],
    [
      'an unknown parameter',
      `${ORGANIZATIONS}?limit=1&offset=5`,
      /Unknown query parameter "offset"/,
    ],
    ['a parameter of another operation', `${ORGANIZATIONS}?query=a`, /takes pageToken, limit/],
    ['a parameter where none is taken', `${ORGANIZATIONS}/${'x'}?limit=1`, /takes none/],
    ['bytes that are not UTF-8', `${ORGANIZATIONS}/search?query=%FF&page=1&pageSize=5`, /UTF-8/],
    ['a malformed escape', `${ORGANIZATIONS}?pageToken=%E2%82`, /UTF-8/],
    ['a path that is not UTF-8', `${ORGANIZATIONS}/%C3%28`, /UTF-8/],
    ['a path parameter', `${ORGANIZATIONS};a=b`, /";"/],
  ])('%s', async (_case, path, error) => {
    await expectRefused(path, {}, 400, error);
  });

  it('a query as URLSearchParams writes it (+ for a space) is read as meant', async () => {
    const response = await subject.app.request(
      `${ORGANIZATIONS}/search?${new URLSearchParams({ query: 'Kept', page: '1', pageSize: '5' })}`,
    );
    expect(response.status).toBe(200);
  });
});

describe('body rules', () => {
  it('refuses a body that is not UTF-8 (400), storing nothing', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"Caf'),
      0xe9, // Latin-1 "é"
      ...new TextEncoder().encode('"}'),
    ]);
    await expectRefused(
      ORGANIZATIONS,
      {
        method: 'POST',
        headers: { ...FROM_CONSOLE_PAGE, 'content-type': 'application/json' },
        body: bytes,
      },
      400,
      new RegExp(NOT_UTF8_ERROR.replace('.', '\\.')),
    );
  });

  it.each([
    ['no content type', {}, 415],
    ['text/plain', { 'content-type': 'text/plain' }, 415],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['JSON in another charset', { 'content-type': 'application/json; charset=iso-8859-1' }, 415],
    ['JSON with a UTF-8 charset', { 'content-type': 'application/json; charset=UTF-8' }, 201],
  ])('a create with %s: %i', async (_case, headers, status) => {
    const response = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: { ...FROM_CONSOLE_PAGE, ...headers },
      body: JSON.stringify({ name: 'Typed body' }),
    });
    expect(response.status).toBe(status);
  });

  it('refuses a body on an operation that takes none', async () => {
    // Over HTTP a body always comes with its Content-Length (or chunked encoding): that is what
    // the console looks at, never reading the stream of a GET or a DELETE.
    await expectRefused(
      `${ORGANIZATIONS}/${existing.id}`,
      {
        method: 'DELETE',
        headers: {
          ...FROM_CONSOLE_PAGE,
          'content-type': 'application/json',
          'content-length': '2',
        },
        body: '{}',
      },
      400,
      /takes no request body/,
    );
  });
});

describe('no CORS header ever leaves the console', () => {
  it.each([
    ['a read', `${ORGANIZATIONS}?limit=1`, {}],
    ['a write', ORGANIZATIONS, jsonBody('POST', { name: 'With Origin' })],
    ['an error', `${ORGANIZATIONS}/missing`, {}],
    ['the config', '/console/config', {}],
    ['a page', '/', {}],
  ])('on %s, whatever the request asks', async (_case, path, init: RequestInit) => {
    const headers = new Headers(init.headers);
    headers.set('access-control-request-method', 'DELETE');
    const response = await subject.app.request(path, { ...init, headers });
    expect(
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-')),
    ).toEqual([]);
  });
});
