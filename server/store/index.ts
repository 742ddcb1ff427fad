// The console's own store: sessions, sign-in states, audit trail, jobs, scan findings and pins,
// on SQLite (DATA_DIR) or PostgreSQL (DATABASE_URL). Import from here, not from the engines.
export { openConsoleStore } from './open-console-store.ts';
export type { ConsoleStore, ConsoleStoreOptions, StoreEngine } from './console-store.ts';
export { StoreDataError, StoreInputError } from './errors.ts';
export type { JsonObject, JsonValue } from './json.ts';
export {
  DEFAULT_POOL_SIZE,
  describeDatabaseUrl,
  loadStoreConfig,
  type StoreConfig,
} from './store-config.ts';
export { STORE_FILE } from './sqlite/open-sqlite-store.ts';
export {
  CONSOLE_ROLES,
  TOUCH_INTERVAL_MAX_MS,
  type ConsoleRole,
  type CreatedSession,
  type NewSession,
  type Session,
  type SessionStore,
} from './sessions/session-store.ts';
export {
  MAX_FRAME_SIGN_IN_CODE_TTL_MS,
  type FrameSignInCode,
  type FrameSignInCodeStore,
  type NewFrameSignInCode,
} from './sessions/frame-sign-in-code-store.ts';
export type {
  NewSignInState,
  SignInState,
  SignInStateStore,
} from './sessions/sign-in-state-store.ts';
export {
  MAX_AUDIT_PAGE,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type AuditStore,
  type NewAuditEntry,
} from './audit/audit-store.ts';
export {
  JOB_ITEM_STATUSES,
  JOB_STATES,
  MAX_LEASE_MS,
  type ClaimedJob,
  type ClaimOptions,
  type ItemResult,
  type Job,
  type JobCheckpoint,
  type JobItem,
  type JobItemQuery,
  type JobItemStatus,
  type JobLease,
  type JobListQuery,
  type JobProgress,
  type JobState,
  type JobStore,
  type NewJob,
  type NewJobItem,
} from './jobs/job-store.ts';
export {
  MAX_FINDING_PAGE,
  type CheckCount,
  type Finding,
  type FindingPage,
  type FindingStore,
  type ScanSummary,
} from './findings/finding-store.ts';
export { MAX_PINS, type PinStore } from './pins/pin-store.ts';
