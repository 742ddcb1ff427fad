// Who may do what: no key and unknown keys 401, the read-only key reads but never writes, a key
// of another chatbot 403. Against the sandbox directly (the console would add its own key), then
// the console's key handling on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDto } from '../sandbox/types.ts';
import {
  FROM_CONSOLE_PAGE,
  FULL_ACCESS_KEY,
  jsonBody,
  ORGANIZATIONS,
  READ_ONLY_KEY,
  readJson,
  startConsoleUnderTest,
  type ConsoleUnderTest,
} from './console-under-test.ts';

let subject: ConsoleUnderTest;
let existing: OrganizationDto;

beforeAll(async () => {
  subject = startConsoleUnderTest(0);
  const created = await readJson(
    await subject.sandboxRequest(
      ORGANIZATIONS,
      jsonBody('POST', { name: 'Guarded Org' }, { 'x-chatcaptain-key': FULL_ACCESS_KEY }),
    ),
  );
  expect(created.status).toBe(201);
  existing = (created.body as { organization: OrganizationDto }).organization;
});
afterAll(() => subject.close());

interface Operation {
  name: string;
  write: boolean;
  path: (chatbotPath: string) => string;
  init: RequestInit;
}

const one = (chatbotPath: string) => `${chatbotPath}/organizations/${existing.id}`;
const OPERATIONS: Operation[] = [
  { name: 'list', write: false, path: (c) => `${c}/organizations`, init: {} },
  {
    name: 'search',
    write: false,
    path: (c) => `${c}/organizations/search?query=Guarded&page=1&pageSize=5`,
    init: {},
  },
  { name: 'get', write: false, path: one, init: {} },
  { name: 'contacts', write: false, path: (c) => `${one(c)}/contacts`, init: {} },
  { name: 'contacts count', write: false, path: (c) => `${one(c)}/contacts/count`, init: {} },
  {
    name: 'create',
    write: true,
    path: (c) => `${c}/organizations`,
    init: jsonBody('POST', { name: 'Intruder Inc' }),
  },
  {
    name: 'update',
    write: true,
    path: one,
    init: jsonBody('PATCH', { organization: { name: 'Taken Over', variables: {} } }),
  },
  {
    name: 'delete',
    write: true,
    path: one,
    init: { method: 'DELETE', headers: FROM_CONSOLE_PAGE },
  },
];

function withKey(init: RequestInit, key: string | undefined): RequestInit {
  const headers = new Headers(init.headers);
  if (key !== undefined) headers.set('x-chatcaptain-key', key);
  return { ...init, headers };
}

async function sandboxCall(operation: Operation, key: string | undefined, chatbot = 'demo') {
  return readJson(
    await subject.sandboxRequest(
      operation.path(`/v1/chatbots/${chatbot}`),
      withKey(operation.init, key),
    ),
  );
}

async function expectUnchanged() {
  const { status, body } = await sandboxCall(OPERATIONS[2] as Operation, FULL_ACCESS_KEY);
  expect(status).toBe(200);
  expect(body).toEqual({ organization: existing });
}

describe.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
  '%s',
  (_name, operation) => {
    it('is 401 without a key', async () => {
      const { status, body } = await sandboxCall(operation, undefined);
      expect(status).toBe(401);
      expect(body).toEqual({ error: expect.any(String) as unknown });
    });

    it('is 401 with an unknown key', async () => {
      const { status } = await sandboxCall(operation, 'CCSB-00000000-000000000000');
      expect(status).toBe(401);
    });

    it('is 403 on another chatbot', async () => {
      const { status, body } = await sandboxCall(operation, FULL_ACCESS_KEY, 'another-bot');
      expect(status).toBe(403);
      expect(body).toEqual({ error: 'Insufficient permissions.' });
    });

    if (operation.write) {
      it('is 403 "Insufficient permissions." with the read-only key, changing nothing', async () => {
        const { status, body } = await sandboxCall(operation, READ_ONLY_KEY);
        expect(status).toBe(403);
        expect(body).toEqual({ error: 'Insufficient permissions.' });
        await expectUnchanged();
      });
    } else {
      it('is 200 with the read-only key', async () => {
        const { status } = await sandboxCall(operation, READ_ONLY_KEY);
        expect(status).toBe(200);
      });
    }
  },
);

describe('the console in sandbox mode', () => {
  it('adds the full-access key to a request without one', async () => {
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${existing.id}`,
      jsonBody('PATCH', { organization: { variables: { checked: 'yes' } } }),
    );
    expect(response.status).toBe(200);
    existing = ((await response.json()) as { organization: OrganizationDto }).organization;
  });

  it('lets a read-only key sent by the browser win over its own', async () => {
    const response = await subject.app.request(
      ORGANIZATIONS,
      jsonBody('POST', { name: 'Not allowed' }, { 'x-chatcaptain-key': READ_ONLY_KEY }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Insufficient permissions.' });
  });

  it('treats a blank key header as none and adds its own', async () => {
    const response = await subject.app.request(`${ORGANIZATIONS}?limit=1`, {
      headers: { 'x-chatcaptain-key': '  ' },
    });
    expect(response.status).toBe(200);
  });

  it('passes an unknown key sent by the browser on, rather than replacing it', async () => {
    const response = await subject.app.request(ORGANIZATIONS, {
      headers: { 'x-chatcaptain-key': 'made-up' },
    });
    expect(response.status).toBe(401);
  });
});
