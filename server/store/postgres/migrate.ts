import type pg from 'pg';
import { postgresMigrations } from '../migrations/postgres.ts';
import type { Migration } from '../migrations/migration.ts';

// Any constant shared by every replica: the key of the session-level advisory lock that lets one
// replica migrate while the others wait, then find nothing left to do.
const MIGRATION_LOCK_KEY = 7_320_451_981;

/**
 * Brings the schema up to date and returns the versions this call applied (none when another
 * replica did it first). Each migration runs in its own transaction with its row in
 * `schema_migrations`, so a failed one leaves the schema at the previous version.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = postgresMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at bigint NOT NULL
         )`,
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const done = new Set(rows.map((row) => row.version));
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, Date.now()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(
            `Console store migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
            { cause: error },
          );
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // On any failure the connection may still hold the lock or a transaction: discard it.
    client.release(broken);
  }
}
