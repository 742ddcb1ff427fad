import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsoleStore } from '../console-store.ts';
import {
  describeEachEngine,
  freshStoreForEachTest,
  testClock,
  type TestClock,
  type TestDatabase,
} from '../test-support/store-engines.ts';
import type { NewSession } from './session-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const agent: NewSession = {
  subject: 'sub-agent-1',
  email: 'agent@demo.test',
  name: 'Ágnes Agent',
  role: 'agent',
  idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdWItYWdlbnQtMSJ9.c2lnbmF0dXJl',
  idleTimeoutMs: 30 * MINUTE,
  absoluteTimeoutMs: 12 * HOUR,
};

describeEachEngine('sessions', (engine) => {
  const t = freshStoreForEachTest(engine);

  it('returns an opaque id once and finds the session by it', async () => {
    const { id, session } = await t.store.sessions.create(agent);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toMatchObject({
      subject: 'sub-agent-1',
      email: 'agent@demo.test',
      role: 'agent',
      createdAt: t.clock.now(),
      expiresAt: t.clock.now() + 30 * MINUTE,
      absoluteExpiresAt: t.clock.now() + 12 * HOUR,
    });
    expect(await t.store.sessions.get(id)).toEqual(session);
  });

  it('stores only a SHA-256 of the id, never the id itself', async () => {
    const { id } = await t.store.sessions.create(agent);
    const rows = await t.database.sql('SELECT * FROM sessions');
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(id);
    const { createHash } = await import('node:crypto');
    expect(rows[0]?.id_hash).toBe(createHash('sha256').update(id).digest('hex'));
  });

  it('finds nothing for unknown, malformed or altered ids', async () => {
    const { id } = await t.store.sessions.create(agent);
    const altered = (id[0] === 'A' ? 'B' : 'A') + id.slice(1);
    for (const wrong of [
      altered,
      '',
      'short',
      `${id}x`,
      `${id.slice(0, 42)}\u0000`,
      "' OR 1=1 --",
    ]) {
      expect(await t.store.sessions.get(wrong)).toBeNull();
      expect(await t.store.sessions.revoke(wrong)).toBe(false);
    }
    expect(await t.store.sessions.get(id)).not.toBeNull();
  });

  it('ends a session left idle, and a touch slides the idle expiry', async () => {
    const { id } = await t.store.sessions.create(agent);
    t.clock.advance(20 * MINUTE);
    await t.store.sessions.touch(id);
    const touched = await t.store.sessions.get(id);
    expect(touched?.lastSeenAt).toBe(t.clock.now());
    expect(touched?.expiresAt).toBe(t.clock.now() + 30 * MINUTE);

    t.clock.advance(30 * MINUTE - 1);
    expect(await t.store.sessions.get(id)).not.toBeNull();
    t.clock.advance(1);
    expect(await t.store.sessions.get(id)).toBeNull();
    // A touch cannot bring an expired session back.
    await t.store.sessions.touch(id);
    expect(await t.store.sessions.get(id)).toBeNull();
  });

  it('writes a touch at most once per interval (a tenth of the idle timeout, 1 minute at most)', async () => {
    const { id } = await t.store.sessions.create(agent);
    t.clock.advance(30_000);
    await t.store.sessions.touch(id);
    expect((await t.store.sessions.get(id))?.lastSeenAt).toBe(t.clock.now() - 30_000);
    t.clock.advance(30_000);
    await t.store.sessions.touch(id);
    expect((await t.store.sessions.get(id))?.lastSeenAt).toBe(t.clock.now());
  });

  it('ends a busy session at its absolute timeout', async () => {
    const { id } = await t.store.sessions.create({ ...agent, absoluteTimeoutMs: 2 * HOUR });
    for (let minute = 0; minute < 115; minute += 5) {
      t.clock.advance(5 * MINUTE);
      await t.store.sessions.touch(id);
    }
    const late = await t.store.sessions.get(id);
    expect(late?.expiresAt).toBe(late?.absoluteExpiresAt);
    t.clock.set((late?.absoluteExpiresAt ?? 0) - 1);
    expect(await t.store.sessions.get(id)).not.toBeNull();
    t.clock.advance(1);
    await t.store.sessions.touch(id);
    expect(await t.store.sessions.get(id)).toBeNull();
  });

  it('revokes one session, or every session of a user, with effect on the next lookup', async () => {
    const first = await t.store.sessions.create(agent);
    const second = await t.store.sessions.create(agent);
    const other = await t.store.sessions.create({ ...agent, subject: 'sub-admin', role: 'admin' });

    expect(await t.store.sessions.revoke(first.id)).toBe(true);
    expect(await t.store.sessions.get(first.id)).toBeNull();
    expect(await t.store.sessions.revoke(first.id)).toBe(false);
    expect(await t.store.sessions.get(second.id)).not.toBeNull();

    const third = await t.store.sessions.create(agent);
    expect(await t.store.sessions.revokeAllForUser('sub-agent-1')).toBe(2);
    expect(await t.store.sessions.get(second.id)).toBeNull();
    expect(await t.store.sessions.get(third.id)).toBeNull();
    expect((await t.store.sessions.get(other.id))?.role).toBe('admin');
  });

  it('is shared by every store on the database (a session made on one replica works on another)', async () => {
    const replica = await t.database.open({ now: t.clock.now });
    const { id, session } = await t.store.sessions.create(agent);
    expect(await replica.sessions.get(id)).toEqual(session);
    await replica.sessions.revoke(id);
    expect(await t.store.sessions.get(id)).toBeNull();
  });

  it('purges expired sessions only', async () => {
    const short = await t.store.sessions.create({ ...agent, idleTimeoutMs: MINUTE });
    const long = await t.store.sessions.create(agent);
    t.clock.advance(2 * MINUTE);
    expect(await t.store.sessions.purgeExpired()).toBe(1);
    expect(await t.database.sql('SELECT subject FROM sessions')).toHaveLength(1);
    expect(await t.store.sessions.get(short.id)).toBeNull();
    expect(await t.store.sessions.get(long.id)).not.toBeNull();
  });

  it('keeps names as given, with U+0000 (which PostgreSQL text cannot hold) as U+FFFD', async () => {
    const { id } = await t.store.sessions.create({
      ...agent,
      name: 'Émile \u0000 Zoë 🚀 <b>',
      email: null,
      idToken: null,
    });
    const session = await t.store.sessions.get(id);
    expect(session?.name).toBe('Émile \uFFFD Zoë 🚀 <b>');
    expect(session?.email).toBeNull();
    expect(session?.idToken).toBeNull();
  });

  it('refuses a role, subject or timeout it does not know', async () => {
    await expect(
      t.store.sessions.create({ ...agent, role: 'owner' as NewSession['role'] }),
    ).rejects.toThrow(/role must be one of viewer, agent, admin/);
    await expect(t.store.sessions.create({ ...agent, subject: '' })).rejects.toThrow(/subject/);
    await expect(t.store.sessions.create({ ...agent, idleTimeoutMs: 0 })).rejects.toThrow(
      /idleTimeoutMs/,
    );
    expect(await t.database.sql('SELECT * FROM sessions')).toHaveLength(0);
  });
});

describeEachEngine('sign-in states', (engine) => {
  let database: TestDatabase;
  let store: ConsoleStore;
  let clock: TestClock;
  const state = {
    state: 'k3v0Zf1yq8Jx2Lr5Wm9Tn4Bc',
    codeVerifier: 'verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG',
    nonce: 'nonce-abc',
    returnTo: '/chatbots/demo/organizations?q=m%C3%BCller',
    ttlMs: 10 * MINUTE,
  };

  beforeEach(async () => {
    database = await engine.createDatabase();
    clock = testClock();
    store = await database.open({ now: clock.now });
  });
  afterEach(() => database.dispose());

  it('hands a state back once, keyed by a hash of it', async () => {
    await store.signInStates.put(state);
    expect(JSON.stringify(await database.sql('SELECT * FROM sign_in_states'))).not.toContain(
      state.state,
    );
    expect(await store.signInStates.take(state.state)).toEqual({
      codeVerifier: state.codeVerifier,
      nonce: state.nonce,
      returnTo: state.returnTo,
      createdAt: clock.now(),
      expiresAt: clock.now() + 10 * MINUTE,
    });
    expect(await store.signInStates.take(state.state)).toBeNull();
    expect(await store.signInStates.take('another-state-never-put')).toBeNull();
  });

  it('gives one of two racing callbacks the state, never both', async () => {
    const replica = await database.open({ now: clock.now });
    await store.signInStates.put(state);
    const taken = await Promise.all([
      store.signInStates.take(state.state),
      replica.signInStates.take(state.state),
    ]);
    expect(taken.filter((result) => result !== null)).toHaveLength(1);
  });

  it('refuses an expired state and purges expired ones', async () => {
    await store.signInStates.put(state);
    await store.signInStates.put({
      ...state,
      state: 'a-second-state-of-enough-length',
      ttlMs: HOUR,
    });
    await store.signInStates.put({
      ...state,
      state: 'a-third-state-of-enough-length',
      ttlMs: MINUTE,
    });
    clock.advance(10 * MINUTE);
    expect(await store.signInStates.take(state.state)).toBeNull();
    expect(await store.signInStates.purgeExpired()).toBe(1);
    expect(await store.signInStates.take('a-second-state-of-enough-length')).not.toBeNull();
  });
});
