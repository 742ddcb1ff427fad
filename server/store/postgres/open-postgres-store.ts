import { createPostgresAuditStore } from '../audit/audit-store.postgres.ts';
import type { ConsoleStore } from '../console-store.ts';
import { createPostgresFindingStore } from '../findings/finding-store.postgres.ts';
import { createPostgresJobStore } from '../jobs/job-store.postgres.ts';
import { createPostgresPinStore } from '../pins/pin-store.postgres.ts';
import { createPostgresFrameSignInCodeStore } from '../sessions/frame-sign-in-code-store.postgres.ts';
import { createPostgresSessionStore } from '../sessions/session-store.postgres.ts';
import { createPostgresSignInStateStore } from '../sessions/sign-in-state-store.postgres.ts';
import { describeDatabaseUrl } from '../store-config.ts';
import { migratePostgres } from './migrate.ts';
import { createPool } from './pool.ts';

export interface PostgresStoreOptions {
  databaseUrl: string;
  poolSize: number;
  now: () => number;
  onError: (error: Error) => void;
}

/** Connects, migrates (under an advisory lock: replicas may start together) and opens the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ConsoleStore> {
  const pool = createPool(options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `The console store at ${describeDatabaseUrl(options.databaseUrl)} could not be opened: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const { now } = options;
  let closed = false;
  return {
    engine: 'postgres',
    sessions: createPostgresSessionStore(pool, now),
    signInStates: createPostgresSignInStateStore(pool, now),
    frameSignInCodes: createPostgresFrameSignInCodeStore(pool, now),
    audit: createPostgresAuditStore(pool, now),
    jobs: createPostgresJobStore(pool, now),
    findings: createPostgresFindingStore(pool, now),
    pins: createPostgresPinStore(pool, now),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
