import type pg from 'pg';
import {
  prepareSignInState,
  signInStateFromRow,
  signInStateHash,
  type SignInStateStore,
} from './sign-in-state-store.ts';

export function createPostgresSignInStateStore(pool: pg.Pool, now: () => number): SignInStateStore {
  return {
    async put(input) {
      const row = prepareSignInState(input, now());
      await pool.query(
        `INSERT INTO sign_in_states
           (state_hash, code_verifier, nonce, return_to, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.stateHash, row.codeVerifier, row.nonce, row.returnTo, row.createdAt, row.expiresAt],
      );
    },
    async take(state) {
      if (typeof state !== 'string' || state === '') return null;
      // DELETE … RETURNING: of two callbacks racing with one state, only one gets the row.
      const { rows } = await pool.query(
        'DELETE FROM sign_in_states WHERE state_hash = $1 RETURNING *',
        [signInStateHash(state)],
      );
      return signInStateFromRow(rows[0], now());
    },
    async purgeExpired() {
      const result = await pool.query('DELETE FROM sign_in_states WHERE expires_at <= $1', [now()]);
      return result.rowCount ?? 0;
    },
  };
}
