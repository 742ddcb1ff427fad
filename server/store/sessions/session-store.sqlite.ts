import type Database from 'better-sqlite3';
import { requiredId } from '../input.ts';
import type { Row } from '../rows.ts';
import {
  TOUCH_INTERVAL_MAX_MS,
  prepareSession,
  sessionFromPrepared,
  sessionFromRow,
  sessionIdHash,
  type SessionStore,
} from './session-store.ts';

export function createSqliteSessionStore(db: Database.Database, now: () => number): SessionStore {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, subject, email, name, role, id_token, created_at,
       last_seen_at, idle_timeout_ms, absolute_expires_at, expires_at)
     VALUES (@idHash, @subject, @email, @name, @role, @idToken, @createdAt, @lastSeenAt,
       @idleTimeoutMs, @absoluteExpiresAt, @expiresAt)`,
  );
  const select = db.prepare('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?');
  const touch = db.prepare(
    `UPDATE sessions
        SET last_seen_at = @now, expires_at = MIN(@now + idle_timeout_ms, absolute_expires_at)
      WHERE id_hash = @hash AND expires_at > @now
        AND last_seen_at <= @now - MIN(${TOUCH_INTERVAL_MAX_MS}, idle_timeout_ms / 10)`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE subject = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  return {
    async create(input) {
      const { id, row } = prepareSession(input, now());
      insert.run(row);
      return { id, session: sessionFromPrepared(row) };
    },
    async get(id) {
      const hash = sessionIdHash(id);
      if (hash === null) return null;
      const row = select.get(hash, now()) as Row | undefined;
      return row === undefined ? null : sessionFromRow(row);
    },
    async touch(id) {
      const hash = sessionIdHash(id);
      if (hash !== null) touch.run({ hash, now: now() });
    },
    async revoke(id) {
      const hash = sessionIdHash(id);
      return hash !== null && remove.run(hash).changes > 0;
    },
    async revokeAllForUser(subject) {
      return removeForUser.run(requiredId('subject', subject)).changes;
    },
    async purgeExpired() {
      return removeExpired.run(now()).changes;
    },
  };
}
