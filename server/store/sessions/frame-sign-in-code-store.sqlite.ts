import type Database from 'better-sqlite3';
import { writeReturning } from '../sqlite/statements.ts';
import {
  frameSignInCodeFromRow,
  frameSignInCodeHash,
  prepareFrameSignInCode,
  type FrameSignInCodeStore,
} from './frame-sign-in-code-store.ts';

export function createSqliteFrameSignInCodeStore(
  db: Database.Database,
  now: () => number,
): FrameSignInCodeStore {
  const insert = db.prepare(
    `INSERT INTO frame_sign_in_codes (code_hash, subject, email, name, role, id_token,
       absolute_expires_at, created_at, expires_at)
     VALUES (@codeHash, @subject, @email, @name, @role, @idToken, @absoluteExpiresAt,
       @createdAt, @expiresAt)`,
  );
  const take = db.prepare('DELETE FROM frame_sign_in_codes WHERE code_hash = ? RETURNING *');
  const removeExpired = db.prepare('DELETE FROM frame_sign_in_codes WHERE expires_at <= ?');
  return {
    async create(input) {
      const { code, row } = prepareFrameSignInCode(input, now());
      insert.run(row);
      return { code, expiresAt: row.expiresAt };
    },
    async take(code) {
      const hash = frameSignInCodeHash(code);
      if (hash === null) return null;
      return frameSignInCodeFromRow(writeReturning(take, hash), now());
    },
    async purgeExpired() {
      return removeExpired.run(now()).changes;
    },
  };
}
