import type Database from 'better-sqlite3';
import { writeReturning } from '../sqlite/statements.ts';
import {
  prepareSignInState,
  signInStateFromRow,
  signInStateHash,
  type SignInStateStore,
} from './sign-in-state-store.ts';

export function createSqliteSignInStateStore(
  db: Database.Database,
  now: () => number,
): SignInStateStore {
  const insert = db.prepare(
    `INSERT INTO sign_in_states (state_hash, code_verifier, nonce, return_to, created_at, expires_at)
     VALUES (@stateHash, @codeVerifier, @nonce, @returnTo, @createdAt, @expiresAt)`,
  );
  const take = db.prepare('DELETE FROM sign_in_states WHERE state_hash = ? RETURNING *');
  const removeExpired = db.prepare('DELETE FROM sign_in_states WHERE expires_at <= ?');
  return {
    async put(input) {
      insert.run(prepareSignInState(input, now()));
    },
    async take(state) {
      if (typeof state !== 'string' || state === '') return null;
      return signInStateFromRow(writeReturning(take, signInStateHash(state)), now());
    },
    async purgeExpired() {
      return removeExpired.run(now()).changes;
    },
  };
}
