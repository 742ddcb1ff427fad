import type pg from 'pg';
import { requiredId } from '../input.ts';
import {
  TOUCH_INTERVAL_MAX_MS,
  prepareSession,
  sessionFromPrepared,
  sessionFromRow,
  sessionIdHash,
  type SessionStore,
} from './session-store.ts';

export function createPostgresSessionStore(pool: pg.Pool, now: () => number): SessionStore {
  return {
    async create(input) {
      const { id, row } = prepareSession(input, now());
      await pool.query(
        `INSERT INTO sessions (id_hash, subject, email, name, role, id_token, created_at,
           last_seen_at, idle_timeout_ms, absolute_expires_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          row.idHash,
          row.subject,
          row.email,
          row.name,
          row.role,
          row.idToken,
          row.createdAt,
          row.lastSeenAt,
          row.idleTimeoutMs,
          row.absoluteExpiresAt,
          row.expiresAt,
        ],
      );
      return { id, session: sessionFromPrepared(row) };
    },
    async get(id) {
      const hash = sessionIdHash(id);
      if (hash === null) return null;
      const { rows } = await pool.query(
        'SELECT * FROM sessions WHERE id_hash = $1 AND expires_at > $2',
        [hash, now()],
      );
      return rows[0] === undefined ? null : sessionFromRow(rows[0]);
    },
    async touch(id) {
      const hash = sessionIdHash(id);
      if (hash === null) return;
      await pool.query(
        `UPDATE sessions
            SET last_seen_at = $2, expires_at = LEAST($2 + idle_timeout_ms, absolute_expires_at)
          WHERE id_hash = $1 AND expires_at > $2
            AND last_seen_at <= $2 - LEAST(${TOUCH_INTERVAL_MAX_MS}, idle_timeout_ms / 10)`,
        [hash, now()],
      );
    },
    async revoke(id) {
      const hash = sessionIdHash(id);
      if (hash === null) return false;
      const result = await pool.query('DELETE FROM sessions WHERE id_hash = $1', [hash]);
      return (result.rowCount ?? 0) > 0;
    },
    async revokeAllForUser(subject) {
      const result = await pool.query('DELETE FROM sessions WHERE subject = $1', [
        requiredId('subject', subject),
      ]);
      return result.rowCount ?? 0;
    },
    async purgeExpired() {
      const result = await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now()]);
      return result.rowCount ?? 0;
    },
  };
}
