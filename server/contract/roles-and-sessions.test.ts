// Each role × each of the eight operations at the console server (allowed, or 403 naming the role
// needed, with nothing changed), and the life of a session: idle and absolute expiry on the
// store's clock, a touch at most once a minute, revocation on the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../api/operations.ts';
import { CONSOLE_ROLES, OPERATION_ROLES, roleAllows, type ConsoleRole } from '../api/roles.ts';
import {
  startConsoleWithSignIn,
  TEST_TIMEOUTS,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import {
  FULL_ACCESS_KEY,
  FROM_CONSOLE_PAGE,
  jsonBody,
  ORGANIZATIONS,
} from './console-under-test.ts';

let subject: ConsoleWithSignIn;

beforeAll(async () => {
  subject = await startConsoleWithSignIn({ seedOrganizations: 0 });
}, 60_000);

afterAll(async () => {
  await subject?.close();
});

/** An organization made in the sandbox directly (not through the console). */
async function newOrganization(name: string): Promise<string> {
  const response = await subject.sandbox.fetch(
    new Request(`http://sandbox.test${ORGANIZATIONS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chatcaptain-key': FULL_ACCESS_KEY },
      body: JSON.stringify({ name }),
    }),
  );
  return ((await response.json()) as { organization: { id: string } }).organization.id;
}

async function storedName(id: string): Promise<string | undefined> {
  const response = await subject.sandbox.fetch(
    new Request(`http://sandbox.test${ORGANIZATIONS}/${id}`, {
      headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY },
    }),
  );
  if (response.status !== 200) return undefined;
  return ((await response.json()) as { organization: { name: string } }).organization.name;
}

/** The request of each operation, on a fresh organization, and the status it answers when allowed. */
function requestFor(
  operation: OperationName,
  id: string,
): { path: string; init: RequestInit; success: number } {
  const one = `${ORGANIZATIONS}/${id}`;
  switch (operation) {
    case 'list':
      return { path: ORGANIZATIONS, init: {}, success: 200 };
    case 'search':
      return {
        path: `${ORGANIZATIONS}/search?query=Role&page=1&pageSize=10`,
        init: {},
        success: 200,
      };
    case 'get':
      return { path: one, init: {}, success: 200 };
    case 'contacts':
      return { path: `${one}/contacts`, init: {}, success: 200 };
    case 'contactsCount':
      return { path: `${one}/contacts/count`, init: {}, success: 200 };
    case 'create':
      return {
        path: ORGANIZATIONS,
        init: jsonBody('POST', { name: 'Made by a role' }),
        success: 201,
      };
    case 'update':
      return {
        path: one,
        init: jsonBody('PATCH', { organization: { name: 'Renamed by a role', variables: {} } }),
        success: 200,
      };
    case 'delete':
      return { path: one, init: { method: 'DELETE', headers: FROM_CONSOLE_PAGE }, success: 200 };
  }
}

const CASES = CONSOLE_ROLES.flatMap((role) =>
  OPERATIONS.map((operation) => [role, operation.name] as [ConsoleRole, OperationName]),
);

describe('each role × each operation', () => {
  it.each(CASES)('%s → %s', async (role, operation) => {
    const cookie = await subject.sessionCookie(role);
    const id = await newOrganization(`Role test ${role} ${operation}`);
    const { path, init, success } = requestFor(operation, id);
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    const countBefore = (await subject.sandbox
      .fetch(
        new Request(`http://sandbox.test${ORGANIZATIONS}?limit=250`, {
          headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY },
        }),
      )
      .then((response) => response.json())) as { organizations: unknown[] };

    const response = await subject.app.request(path, { ...init, headers });

    if (roleAllows(role, operation)) {
      expect(response.status).toBe(success);
      return;
    }
    const needed = OPERATION_ROLES[operation];
    expect(response.status).toBe(403);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({
      error: expect.stringContaining(`that needs the ${needed} role`),
      role,
      requiredRole: needed,
      operation,
    });
    expect(body.error).toContain(`Your role (${role})`);
    // Nothing changed: the organization is as it was, and no other appeared.
    expect(await storedName(id)).toBe(`Role test ${role} ${operation}`);
    const countAfter = (await subject.sandbox
      .fetch(
        new Request(`http://sandbox.test${ORGANIZATIONS}?limit=250`, {
          headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY },
        }),
      )
      .then((answer) => answer.json())) as { organizations: unknown[] };
    expect(countAfter.organizations).toHaveLength(countBefore.organizations.length);
  });

  it('gives the operations of /console/session from the same table', async () => {
    for (const role of CONSOLE_ROLES) {
      const response = await subject.app.request('/console/session', {
        headers: { cookie: await subject.sessionCookie(role) },
      });
      const body = (await response.json()) as { operations: string[] };
      const expected = [...OPERATIONS.map((operation) => operation.name), 'audit' as const].filter(
        (operation) => roleAllows(role, operation),
      );
      expect(body.operations).toEqual(expected);
    }
  });

  it('marks a signed-in person’s answers private, so no shared cache hands them on', async () => {
    const cookie = await subject.sessionCookie('viewer');
    const list = await subject.app.request(ORGANIZATIONS, { headers: { cookie } });
    expect(list.headers.get('cache-control')).toBe('private, no-cache');
    const session = await subject.app.request('/console/config', { headers: { cookie } });
    expect(session.headers.get('cache-control')).toBe('private, no-store');
  });

  it('asks a session of an API client with its own key too: 401 without one', async () => {
    const response = await subject.app.request(ORGANIZATIONS, {
      headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY },
    });
    expect(response.status).toBe(401);
    const create = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Scripted' }),
    });
    expect(create.status).toBe(401);
  });

  it('answers 401 before reading a body, and 403 before judging it', async () => {
    const anonymous = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: { ...FROM_CONSOLE_PAGE, 'content-type': 'text/plain' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(anonymous.status).toBe(401);
    const viewer = await subject.app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: {
        ...FROM_CONSOLE_PAGE,
        'content-type': 'text/plain',
        cookie: await subject.sessionCookie('viewer'),
      },
      body: 'not json',
    });
    expect(viewer.status).toBe(403);
  });
});

describe('session life', () => {
  const MINUTE = 60_000;
  const list = async (cookie: string) =>
    (await subject.app.request(ORGANIZATIONS, { headers: { cookie } })).status;

  it('ends after the idle timeout, and each use slides it', async () => {
    const cookie = await subject.sessionCookie('viewer');
    const start = subject.clock.now;
    try {
      subject.clock.now = start + 20 * MINUTE;
      expect(await list(cookie)).toBe(200);
      subject.clock.now = start + 45 * MINUTE; // 25 minutes after the last use (idle: 30)
      expect(await list(cookie)).toBe(200);
      subject.clock.now = start + 76 * MINUTE; // 31 minutes after the last use
      expect(await list(cookie)).toBe(401);
      // A page load now goes to sign-in.
      const page = await subject.app.request('/chatbots/demo/organizations', {
        headers: { cookie },
      });
      expect(page.status).toBe(302);
    } finally {
      subject.clock.now = start;
    }
  });

  it('ends after the absolute timeout however busy', async () => {
    const cookie = await subject.sessionCookie('agent');
    const start = subject.clock.now;
    try {
      let at = start;
      while (at + 20 * MINUTE < start + TEST_TIMEOUTS.absoluteTimeoutMs) {
        at += 20 * MINUTE;
        subject.clock.now = at;
        expect(await list(cookie)).toBe(200);
      }
      subject.clock.now = start + TEST_TIMEOUTS.absoluteTimeoutMs + 1;
      expect(await list(cookie)).toBe(401);
    } finally {
      subject.clock.now = start;
    }
  });

  it('writes the touch at most once a minute, and not for /console/session', async () => {
    const cookie = await subject.sessionCookie('viewer');
    const id = cookie.slice(cookie.indexOf('=') + 1);
    const start = subject.clock.now;
    const created = (await subject.store.sessions.get(id))?.lastSeenAt;
    try {
      subject.clock.now = start + 30_000;
      for (let request = 0; request < 5; request += 1) expect(await list(cookie)).toBe(200);
      expect((await subject.store.sessions.get(id))?.lastSeenAt).toBe(created);
      subject.clock.now = start + 2 * MINUTE;
      await subject.app.request('/console/session', { headers: { cookie } });
      expect((await subject.store.sessions.get(id))?.lastSeenAt).toBe(created);
      expect(await list(cookie)).toBe(200);
      expect((await subject.store.sessions.get(id))?.lastSeenAt).toBe(start + 2 * MINUTE);
    } finally {
      subject.clock.now = start;
    }
  });

  it('stops working on the next request once revoked, and all of a person’s at once', async () => {
    const cookie = await subject.sessionCookie('admin', {
      subject: 'person-1',
      email: 'p1@example.test',
    });
    const other = await subject.sessionCookie('admin', {
      subject: 'person-1',
      email: 'p1@example.test',
    });
    expect(await list(cookie)).toBe(200);
    await subject.store.sessions.revoke(cookie.slice(cookie.indexOf('=') + 1));
    expect(await list(cookie)).toBe(401);
    expect(await list(other)).toBe(200);
    expect(await subject.store.sessions.revokeAllForUser('person-1')).toBe(1);
    expect(await list(other)).toBe(401);
  });

  it('clears a cookie that names no session, and asks to sign in', async () => {
    const response = await subject.app.request('/console/session', {
      headers: { cookie: 'console_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'Sign in to continue: you are not signed in, or your session has ended.',
      signInUrl: '/console/sign-in',
      mode: 'demo',
      signInRequired: true,
    });
    expect(response.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^console_session=; Max-Age=0/),
    );
  });
});
