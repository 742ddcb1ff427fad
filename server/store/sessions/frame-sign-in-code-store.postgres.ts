import type pg from 'pg';
import {
  frameSignInCodeFromRow,
  frameSignInCodeHash,
  prepareFrameSignInCode,
  type FrameSignInCodeStore,
} from './frame-sign-in-code-store.ts';

export function createPostgresFrameSignInCodeStore(
  pool: pg.Pool,
  now: () => number,
): FrameSignInCodeStore {
  return {
    async create(input) {
      const { code, row } = prepareFrameSignInCode(input, now());
      await pool.query(
        `INSERT INTO frame_sign_in_codes (code_hash, subject, email, name, role, id_token,
           absolute_expires_at, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.codeHash,
          row.subject,
          row.email,
          row.name,
          row.role,
          row.idToken,
          row.absoluteExpiresAt,
          row.createdAt,
          row.expiresAt,
        ],
      );
      return { code, expiresAt: row.expiresAt };
    },
    async take(code) {
      const hash = frameSignInCodeHash(code);
      if (hash === null) return null;
      // DELETE … RETURNING: of two frames racing with one code, only one gets the row.
      const { rows } = await pool.query(
        'DELETE FROM frame_sign_in_codes WHERE code_hash = $1 RETURNING *',
        [hash],
      );
      return frameSignInCodeFromRow(rows[0], now());
    },
    async purgeExpired() {
      const result = await pool.query('DELETE FROM frame_sign_in_codes WHERE expires_at <= $1', [
        now(),
      ]);
      return result.rowCount ?? 0;
    },
  };
}
