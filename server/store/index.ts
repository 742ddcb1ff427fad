// The console's own store: sessions, sign-in states, audit trail, jobs, scan findings and pins.
export { openConsoleStore } from './open-console-store.ts';
export type { ConsoleStore, ConsoleStoreOptions, StoreEngine } from './console-store.ts';
export { StoreDataError, StoreInputError } from './errors.ts';
export type { JsonObject, JsonValue } from './json.ts';
export { loadStoreConfig, describeDatabaseUrl, type StoreConfig } from './store-config.ts';
export { STORE_FILE } from './sqlite/open-sqlite-store.ts';
export * from './sessions/session-store.ts';
export * from './sessions/sign-in-state-store.ts';
export type * from './audit/audit-store.ts';
export type * from './jobs/job-store.ts';
export type * from './findings/finding-store.ts';
export { MAX_PINS, type PinStore } from './pins/pin-store.ts';
