import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteAuditStore } from '../audit/audit-store.sqlite.ts';
import type { ConsoleStore } from '../console-store.ts';
import { createSqliteFindingStore } from '../findings/finding-store.sqlite.ts';
import { createSqliteJobStore } from '../jobs/job-store.sqlite.ts';
import { createSqlitePinStore } from '../pins/pin-store.sqlite.ts';
import { createSqliteFrameSignInCodeStore } from '../sessions/frame-sign-in-code-store.sqlite.ts';
import { createSqliteSessionStore } from '../sessions/session-store.sqlite.ts';
import { createSqliteSignInStateStore } from '../sessions/sign-in-state-store.sqlite.ts';
import { migrateSqlite } from './migrate.ts';

export const STORE_FILE = 'console.sqlite';

/** How long a statement waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The store in `<dataDir>/console.sqlite`. WAL with `synchronous=NORMAL`: a committed transaction
 * survives `kill -9` of the process (only a power loss can take the last ones back, and a job's
 * items are idempotent, so a lost "done" is at worst sent again).
 */
export function openSqliteStore(dataDir: string, now: () => number): ConsoleStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, STORE_FILE), { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache (SQLite's default is 2 MB): a scan's findings of 100,000 organizations
    // fill some 40 MB of index pages; with 2 MB each staged batch spilled and read them again.
    db.pragma('cache_size = -65536');
    migrateSqlite(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1');
  return {
    engine: 'sqlite',
    sessions: createSqliteSessionStore(db, now),
    signInStates: createSqliteSignInStateStore(db, now),
    frameSignInCodes: createSqliteFrameSignInCodeStore(db, now),
    audit: createSqliteAuditStore(db, now),
    jobs: createSqliteJobStore(db, now),
    findings: createSqliteFindingStore(db, now),
    pins: createSqlitePinStore(db, now),
    async ping() {
      ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
