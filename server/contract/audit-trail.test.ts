// The audit trail as the console writes it: every write through the console, with who, the changed
// fields before → after and the outcome — also for failed and refused writes — read back through
// GET /console/audit with its filters, pages and permissions. No key, cookie, session id, token
// or secret ever lands in an entry or a log line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import { startMaintenance } from '../maintenance.ts';
import { openConsoleStore, type AuditEntry, type AuditPage } from '../store/index.ts';
import {
  FROM_CONSOLE_PAGE,
  FULL_ACCESS_KEY,
  jsonBody,
  ORGANIZATIONS,
} from './console-under-test.ts';

let subject: ConsoleWithSignIn;
let admin: string;
let agent: string;
let viewer: string;

const ADMIN = { subject: 'admin-1', email: 'ada@example.test' };
const AGENT = { subject: 'agent-1', email: 'alex@example.test' };
const VIEWER = { subject: 'viewer-1', email: 'vera@example.test' };

beforeAll(async () => {
  subject = await startConsoleWithSignIn({ seedOrganizations: 0 });
  admin = await subject.sessionCookie('admin', ADMIN);
  agent = await subject.sessionCookie('agent', AGENT);
  viewer = await subject.sessionCookie('viewer', VIEWER);
}, 60_000);

afterAll(async () => {
  await subject?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function withCookie(cookie: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  return { ...init, headers };
}

async function entryOf(response: Response): Promise<AuditEntry> {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const page = await subject.store.audit.list({ limit: 500 });
  const entry = page.entries.find((candidate) => candidate.requestId === requestId);
  if (entry === undefined) throw new Error(`no audit entry for request ${requestId}`);
  return entry;
}

async function create(
  name: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; response: Response }> {
  const response = await subject.app.request(
    ORGANIZATIONS,
    withCookie(admin, jsonBody('POST', { name, ...fields })),
  );
  expect(response.status).toBe(201);
  const body = (await response.clone().json()) as { organization: { id: string } };
  return { id: body.organization.id, response };
}

describe('what each write records', () => {
  it('a create: who, when, the organization, its fields after, the outcome and the request id', async () => {
    const before = subject.clock.now;
    const { id, response } = await create('Acme Audit', {
      email: 'hello@acme.test',
      phoneNumber: '+1 555 0100',
      address: { location: 'Springfield' },
    });
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      at: before,
      actorSubject: ADMIN.subject,
      actorEmail: ADMIN.email,
      operation: 'create',
      chatbotId: 'demo',
      organizationId: id,
      organizationName: 'Acme Audit',
      before: null,
      status: 201,
      error: null,
      jobId: null,
    });
    expect(entry.after).toMatchObject({
      name: 'Acme Audit',
      email: 'hello@acme.test',
      phoneNumber: '+1 555 0100',
    });
    expect(entry.after).not.toHaveProperty('id');
    expect(entry.after).not.toHaveProperty('created');
  });

  it('an update: only the changed fields, before → after (read through the same backend)', async () => {
    const { id } = await create('Before Name', { email: 'same@acme.test', industry: 'Retail' });
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${id}`,
      withCookie(
        agent,
        jsonBody('PATCH', {
          organization: {
            name: 'After Name',
            email: 'same@acme.test',
            industry: '',
            variables: { tier: 'gold' },
          },
        }),
      ),
    );
    expect(response.status).toBe(200);
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      actorSubject: AGENT.subject,
      actorEmail: AGENT.email,
      operation: 'update',
      organizationId: id,
      organizationName: 'After Name',
      status: 200,
      error: null,
    });
    expect(entry.before).toEqual({ name: 'Before Name', industry: 'Retail', variables: {} });
    expect(entry.after).toEqual({
      name: 'After Name',
      industry: null,
      variables: { tier: 'gold' },
    });
  });

  it('a delete: the fields before, nothing after', async () => {
    const { id } = await create('Doomed Ltd', { website: 'https://doomed.test' });
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${id}`,
      withCookie(admin, { method: 'DELETE', headers: FROM_CONSOLE_PAGE }),
    );
    expect(response.status).toBe(200);
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      operation: 'delete',
      organizationId: id,
      organizationName: 'Doomed Ltd',
      after: null,
      status: 200,
    });
    expect(entry.before).toMatchObject({ name: 'Doomed Ltd', website: 'https://doomed.test' });
  });

  it('a failed update: the stored values, what was asked for, and the API’s error', async () => {
    const { id } = await create('Stays Put');
    const tooLong = 'x'.repeat(5_001);
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${id}`,
      withCookie(agent, jsonBody('PATCH', { organization: { name: tooLong, variables: {} } })),
    );
    expect(response.status).toBe(400);
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      operation: 'update',
      organizationId: id,
      organizationName: 'Stays Put',
      status: 400,
      before: { name: 'Stays Put' },
      after: { name: tooLong },
    });
    expect(entry.error).toMatch(/name/);
  });

  it('an update of an organization that does not exist: 404 recorded', async () => {
    const response = await subject.app.request(
      `${ORGANIZATIONS}/no-such-organization`,
      withCookie(agent, jsonBody('PATCH', { organization: { name: 'Ghost', variables: {} } })),
    );
    expect(response.status).toBe(404);
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      organizationId: 'no-such-organization',
      status: 404,
      before: { name: null },
      after: { name: 'Ghost' },
    });
    expect(entry.error).toEqual(expect.any(String));
  });

  it('a write refused by role: 403 with the role needed, and nothing sent to the API', async () => {
    const { id } = await create('Protected');
    const response = await subject.app.request(
      `${ORGANIZATIONS}/${id}`,
      withCookie(viewer, jsonBody('PATCH', { organization: { name: 'Hijacked', variables: {} } })),
    );
    expect(response.status).toBe(403);
    const entry = await entryOf(response);
    expect(entry).toMatchObject({
      actorSubject: VIEWER.subject,
      actorEmail: VIEWER.email,
      operation: 'update',
      organizationId: id,
      before: null,
      after: null,
      status: 403,
    });
    expect(entry.error).toContain('needs the agent role');
  });

  it('records no read', async () => {
    const count = (await subject.store.audit.list({ limit: 500 })).entries.length;
    await subject.app.request(ORGANIZATIONS, withCookie(viewer));
    await subject.app.request(
      `${ORGANIZATIONS}/search?query=a&page=1&pageSize=5`,
      withCookie(viewer),
    );
    expect((await subject.store.audit.list({ limit: 500 })).entries).toHaveLength(count);
  });
});

describe('GET /console/audit', () => {
  let historyOf: string;

  beforeAll(async () => {
    const { id } = await create('History Inc');
    historyOf = id;
    for (const name of ['History Inc 2', 'History Inc 3']) {
      const response = await subject.app.request(
        `${ORGANIZATIONS}/${id}`,
        withCookie(agent, jsonBody('PATCH', { organization: { name, variables: {} } })),
      );
      expect(response.status).toBe(200);
      subject.clock.now += 1_000;
    }
  });

  const read = async (query: string, cookie = admin) => {
    const response = await subject.app.request(`/console/audit${query}`, withCookie(cookie));
    return {
      status: response.status,
      body: (await response.json()) as AuditPage & { error?: string },
    };
  };

  it('gives an admin the whole trail, newest first', async () => {
    const { status, body } = await read('');
    expect(status).toBe(200);
    expect(body.entries.length).toBeGreaterThan(5);
    const times = body.entries.map((entry) => entry.at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by organization, person, operation and time', async () => {
    const history = await read(`?organizationId=${historyOf}`);
    expect(history.body.entries.map((entry) => [entry.operation, entry.organizationName])).toEqual([
      ['update', 'History Inc 3'],
      ['update', 'History Inc 2'],
      ['create', 'History Inc'],
    ]);
    const byAgent = await read(
      `?actorEmail=${encodeURIComponent(AGENT.email)}&organizationId=${historyOf}`,
    );
    expect(byAgent.body.entries).toHaveLength(2);
    const creates = await read(`?operation=create&organizationId=${historyOf}`);
    expect(creates.body.entries.map((entry) => entry.operation)).toEqual(['create']);
    const latest = history.body.entries[0] as AuditEntry;
    const since = await read(
      `?organizationId=${historyOf}&from=${new Date(latest.at).toISOString()}`,
    );
    expect(since.body.entries.map((entry) => entry.id)).toEqual([latest.id]);
    const until = await read(`?organizationId=${historyOf}&to=${latest.at}`);
    expect(until.body.entries).toHaveLength(2);
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const all = (await read(`?organizationId=${historyOf}`)).body.entries.map((entry) => entry.id);
    const first = await read(`?organizationId=${historyOf}&limit=2`);
    expect(first.body.entries.map((entry) => entry.id)).toEqual(all.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await read(
      `?organizationId=${historyOf}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    expect(second.body.entries.map((entry) => entry.id)).toEqual(all.slice(2));
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['?organisationId=x', /Unknown query parameter "organisationId"/],
    ['?limit=2&limit=3', /given more than once/],
    ['?operation=create,rename', /operation "rename"/],
    ['?from=yesterday', /from must be a date and time/],
    ['?from=2024-13-45T00:00:00Z', /from must be a date and time/],
    ['?from=2024-05-02&to=2024-05-01', /from must be before to/],
    ['?limit=0', /limit must be a whole number from 1 to 500/],
    ['?limit=501', /limit must be a whole number from 1 to 500/],
    ['?cursor=not-a-cursor', /cursor/],
  ])('refuses %s with 400 and a sentence', async (query, error) => {
    const { status, body } = await read(query);
    expect(status).toBe(400);
    expect(body.error).toMatch(error);
  });

  it('gives every role one organization’s history, and only admins the whole trail', async () => {
    for (const cookie of [viewer, agent]) {
      const whole = await read('', cookie);
      expect(whole.status).toBe(403);
      expect(whole.body).toMatchObject({ requiredRole: 'admin', operation: 'audit' });
      expect(whole.body.error).toContain('that needs the admin role');
      const history = await read(`?organizationId=${historyOf}`, cookie);
      expect(history.status).toBe(200);
      expect(history.body.entries.every((entry) => entry.organizationId === historyOf)).toBe(true);
    }
    const anonymous = await subject.app.request('/console/audit');
    expect(anonymous.status).toBe(401);
  });
});

describe('secrets', () => {
  it('never writes a key, cookie, session id, token or client secret into an entry or a log line', async () => {
    const printed: string[] = [];
    const capture = (...parts: unknown[]) => {
      printed.push(
        parts
          .map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : String(part)))
          .join(' '),
      );
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }
    const secrets: string[] = [FULL_ACCESS_KEY, subject.provider.clientSecret];

    // A whole sign-in through the provider, then writes (one with the key sent by the browser),
    // a failure, a refusal and sign-out.
    const browser = subject.browser();
    await browser.signIn('admin@demo.test');
    const sessionId = browser.cookie(subject.origin, 'console_session') as string;
    secrets.push(sessionId);
    secrets.push(
      ...browser.setCookies
        .map((line) => line.slice(line.indexOf('=') + 1, line.indexOf(';')))
        .filter((value) => value.length >= 16),
    );
    const cookie = browser.cookieHeader(new URL(subject.origin));
    const session = await subject.store.sessions.get(sessionId);
    if (session?.idToken) secrets.push(session.idToken);

    const created = await subject.app.request(
      ORGANIZATIONS,
      withCookie(
        cookie,
        jsonBody('POST', { name: 'Secretive' }, { 'x-chatcaptain-key': FULL_ACCESS_KEY }),
      ),
    );
    const { organization } = (await created.json()) as { organization: { id: string } };
    await subject.app.request(
      `${ORGANIZATIONS}/${organization.id}`,
      withCookie(
        cookie,
        jsonBody('PATCH', { organization: { name: 'y'.repeat(6_000), variables: {} } }),
      ),
    );
    await subject.app.request(
      `${ORGANIZATIONS}/${organization.id}`,
      withCookie(viewer, { method: 'DELETE', headers: FROM_CONSOLE_PAGE }),
    );
    await subject.app.request(
      `${ORGANIZATIONS}/${organization.id}`,
      withCookie(cookie, { method: 'DELETE', headers: FROM_CONSOLE_PAGE }),
    );
    await browser.request(`${subject.origin}/console/sign-out`, {
      method: 'POST',
      headers: FROM_CONSOLE_PAGE,
    });
    secrets.push(viewer.slice(viewer.indexOf('=') + 1));

    const entries = JSON.stringify((await subject.store.audit.list({ limit: 500 })).entries);
    const lines = [...subject.logs, ...printed];
    expect(lines.some((line) => line.includes('admin@demo.test signed in as admin'))).toBe(true);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(entries).not.toContain(secret);
      for (const line of lines) expect(line).not.toContain(secret);
    }
  });
});

describe('local mode (no sign-in)', () => {
  it('records the actor as local', async () => {
    const app = subject.appWithoutSignIn({ audit: true });
    const response = await app.request(ORGANIZATIONS, jsonBody('POST', { name: 'Local Co' }));
    expect(response.status).toBe(201);
    const session = await app.request('/console/session');
    expect(await session.json()).toMatchObject({
      mode: 'local',
      signInRequired: false,
      user: null,
      role: null,
    });
    const audit = await app.request('/console/audit?operation=create&limit=1');
    const { entries } = (await audit.json()) as AuditPage;
    expect(entries).toEqual([
      expect.objectContaining({
        actorSubject: 'local',
        actorEmail: null,
        operation: 'create',
        organizationName: 'Local Co',
        status: 201,
        requestId: response.headers.get('x-request-id'),
      }),
    ]);
    for (const path of ['/console/sign-in', '/console/callback', '/console/signed-out']) {
      expect((await app.request(path)).status).toBe(404);
    }
  });
});

describe('retention', () => {
  it('removes entries older than AUDIT_RETENTION_DAYS at start', async () => {
    const root = mkdtempSync(join(tmpdir(), 'console-audit-retention-'));
    const now = Date.now();
    const store = await openConsoleStore({ dataDir: root, now: () => now });
    try {
      const entry = {
        actorSubject: 'local',
        actorEmail: null,
        operation: 'update',
        chatbotId: 'demo',
        organizationId: 'o1',
        organizationName: 'Old',
        before: null,
        after: null,
        status: 200,
        error: null,
        requestId: null,
      };
      await store.audit.append({ ...entry, at: now - 31 * 86_400_000 });
      await store.audit.append({ ...entry, at: now - 29 * 86_400_000 });
      const lines: string[] = [];
      const maintenance = startMaintenance(store, 30, (line) => lines.push(line));
      await maintenance.started;
      maintenance.stop();
      expect((await store.audit.list()).entries.map((kept) => kept.at)).toEqual([
        now - 29 * 86_400_000,
      ]);
      expect(lines.join('\n')).toContain('removed 1 audit entries older than 30 days');
    } finally {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
