// Sign-in's sessions and the audit trail through the console app on both store engines: what the
// other contract tests check on SQLite holds on PostgreSQL too (replicas share it).
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  startConsoleWithSignIn,
  type ConsoleWithSignIn,
} from '../auth/test-support/console-with-sign-in.ts';
import type { AuditPage } from '../store/index.ts';
import { describeEachEngine, type TestDatabase } from '../store/test-support/store-engines.ts';
import { FROM_CONSOLE_PAGE, jsonBody, ORGANIZATIONS } from './console-under-test.ts';

/** `init` with the session cookie added to its headers. */
function withCookie(cookie: string, init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  return { ...init, headers };
}

describeEachEngine('sessions and the audit trail through the console', (engine) => {
  let database: TestDatabase;
  let subject: ConsoleWithSignIn;

  beforeEach(async () => {
    database = await engine.createDatabase();
    subject = await startConsoleWithSignIn({ openStore: (now) => database.open({ now }) });
  });

  afterEach(async () => {
    await subject?.close();
    await database?.dispose();
  });

  it('signs in through the provider, checks roles, records writes, ends sessions', async () => {
    const browser = subject.browser();
    await browser.signIn('agent@demo.test');
    const agent = browser.cookieHeader(new URL(subject.origin));
    const admin = await subject.sessionCookie('admin', {
      subject: 'a1',
      email: 'ada@example.test',
    });

    const created = await subject.app.request(
      ORGANIZATIONS,
      withCookie(admin, jsonBody('POST', { name: 'On both engines' })),
    );
    expect(created.status).toBe(201);
    const { organization } = (await created.json()) as { organization: { id: string } };
    const refused = await subject.app.request(`${ORGANIZATIONS}/${organization.id}`, {
      method: 'DELETE',
      headers: { ...FROM_CONSOLE_PAGE, cookie: agent },
    });
    expect(refused.status).toBe(403);
    const updated = await subject.app.request(
      `${ORGANIZATIONS}/${organization.id}`,
      withCookie(
        agent,
        jsonBody('PATCH', { organization: { name: 'Renamed on both', variables: {} } }),
      ),
    );
    expect(updated.status).toBe(200);

    const audit = await subject.app.request(`/console/audit?organizationId=${organization.id}`, {
      headers: { cookie: admin },
    });
    const { entries } = (await audit.json()) as AuditPage;
    expect(
      entries.map((entry) => [entry.actorEmail, entry.operation, entry.status, entry.after]),
    ).toEqual([
      ['agent@demo.test', 'update', 200, { name: 'Renamed on both' }],
      ['agent@demo.test', 'delete', 403, null],
      ['ada@example.test', 'create', 201, { name: 'On both engines', variables: {} }],
    ]);

    await subject.store.sessions.revokeAllForUser('demo-agent');
    expect((await subject.app.request(ORGANIZATIONS, { headers: { cookie: agent } })).status).toBe(
      401,
    );
  });
});
