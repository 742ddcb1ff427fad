import type { AuditStore } from './audit/audit-store.ts';
import type { FindingStore } from './findings/finding-store.ts';
import type { JobStore } from './jobs/job-store.ts';
import type { PinStore } from './pins/pin-store.ts';
import type { FrameSignInCodeStore } from './sessions/frame-sign-in-code-store.ts';
import type { SessionStore } from './sessions/session-store.ts';
import type { SignInStateStore } from './sessions/sign-in-state-store.ts';

export type StoreEngine = 'sqlite' | 'postgres';

/**
 * The console's own state, one narrow interface per concern, with the same behaviour on SQLite
 * (one process) and PostgreSQL (replicas). Every method is async on both engines.
 */
export interface ConsoleStore {
  readonly engine: StoreEngine;
  readonly sessions: SessionStore;
  readonly signInStates: SignInStateStore;
  readonly frameSignInCodes: FrameSignInCodeStore;
  readonly audit: AuditStore;
  readonly jobs: JobStore;
  readonly findings: FindingStore;
  readonly pins: PinStore;
  /** Resolves when the store answers a query (readiness); rejects when it does not. */
  ping(): Promise<void>;
  /** Closes the database (waits for queries in flight on PostgreSQL). Safe to call twice. */
  close(): Promise<void>;
}

export interface ConsoleStoreOptions {
  /** SQLite: the store is `console.sqlite` in this directory (created when missing). */
  dataDir: string;
  /** When set, PostgreSQL at this URL (`postgres://user:password@host:port/database`) instead. */
  databaseUrl?: string;
  /** PostgreSQL: most connections this process opens; default 10. */
  poolSize?: number;
  /** The clock (epoch ms) for every timestamp and expiry; tests pass their own. */
  now?: () => number;
  /** PostgreSQL: errors of idle connections, which are not any caller's; default: logged. */
  onError?: (error: Error) => void;
}
