import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from '../api-keys.ts';
import type { OrganizationDto } from '../types.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

let test: TestSandbox;
let existing: OrganizationDto;

beforeAll(async () => {
  test = openTestSandbox(0);
  const { body } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, {
    body: { name: 'Guarded GmbH' },
  });
  existing = body.organization;
});
afterAll(() => test.dispose());

const UNAUTHORIZED = { status: 401, body: { error: 'Missing or invalid API key.' } };
const FORBIDDEN = { status: 403, body: { error: 'Insufficient permissions.' } };

/** Each operation with a request that would succeed with the full-access key. */
function operations(): [string, string, string, unknown][] {
  const one = `${ORGANIZATIONS_PATH}/${existing.id}`;
  return [
    ['list', 'GET', ORGANIZATIONS_PATH, undefined],
    ['create', 'POST', ORGANIZATIONS_PATH, { name: 'New' }],
    ['search', 'GET', `${ORGANIZATIONS_PATH}/search?query=*&page=1&pageSize=10`, undefined],
    ['get', 'GET', one, undefined],
    ['update', 'PATCH', one, { organization: { variables: {} } }],
    ['contacts', 'GET', `${one}/contacts`, undefined],
    ['contacts count', 'GET', `${one}/contacts/count`, undefined],
    ['delete', 'DELETE', `${ORGANIZATIONS_PATH}/not-there`, undefined],
  ];
}

describe('API key', () => {
  it('answers 401 to every operation without a key or with an unknown one', async () => {
    for (const [, method, path, body] of operations()) {
      expect(await call(test.sandbox, method, path, { body, key: null })).toEqual(UNAUTHORIZED);
      expect(
        await call(test.sandbox, method, path, { body, key: 'CCSB-a1b2c3d4-e5f6g7h8i9j0' }),
      ).toEqual(UNAUTHORIZED);
    }
  });

  it('answers 403 when the key belongs to another chatbot', async () => {
    for (const [, method, path, body] of operations()) {
      const otherChatbot = path.replace('/chatbots/demo/', '/chatbots/other-bot/');
      for (const key of [FULL_ACCESS_KEY, READ_ONLY_KEY]) {
        expect(await call(test.sandbox, method, otherChatbot, { body, key })).toEqual(FORBIDDEN);
      }
    }
  });

  it('lets the read-only key list, get, search and read contacts, and nothing else', async () => {
    const allowed = new Set(['list', 'search', 'get', 'contacts', 'contacts count']);
    for (const [name, method, path, body] of operations()) {
      const answer = await call(test.sandbox, method, path, { body, key: READ_ONLY_KEY });
      if (allowed.has(name)) expect(answer.status, name).toBe(200);
      else expect(answer, name).toEqual(FORBIDDEN);
    }
    // Nothing was written by the refused requests.
    const { body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}/${existing.id}`);
    expect(body.organization).toEqual(existing);
  });

  it('checks in the order 401, 403, 400, 404', async () => {
    const badBody = { organization: { size: 'x' } };
    const unknown = `${ORGANIZATIONS_PATH}/unknown-id`;
    expect(await call(test.sandbox, 'PATCH', unknown, { body: badBody, key: 'wrong' })).toEqual(
      UNAUTHORIZED,
    );
    expect(
      await call(test.sandbox, 'PATCH', unknown, { body: badBody, key: READ_ONLY_KEY }),
    ).toEqual(FORBIDDEN);
    expect((await call(test.sandbox, 'PATCH', unknown, { body: badBody })).status).toBe(400);
    expect(
      (await call(test.sandbox, 'PATCH', unknown, { body: { organization: { variables: {} } } }))
        .status,
    ).toBe(404);
  });
});
