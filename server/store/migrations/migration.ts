/**
 * One step of the store's schema, written once per dialect (`postgres.ts`, `sqlite.ts`) with the
 * same versions and names; `schema_migrations` records which ran. Never edit a released step:
 * add the next version to both lists.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every timestamp column (`*_at`) holds epoch milliseconds (UTC) on both engines. */
export const SCHEMA_MIGRATIONS_TABLE = 'schema_migrations';
