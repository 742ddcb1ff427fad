import type Database from 'better-sqlite3';
import type { Migration } from '../migrations/migration.ts';
import { sqliteMigrations } from '../migrations/sqlite.ts';

/**
 * Brings the schema up to date and returns the versions this call applied. `BEGIN IMMEDIATE`
 * takes SQLite's write lock before reading `schema_migrations`, so a second process opening the
 * same file waits (busy_timeout) and then finds nothing left to do. All pending migrations
 * commit together or not at all.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[] = sqliteMigrations,
): number[] {
  const migrate = db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at INTEGER NOT NULL
       ) STRICT`,
    );
    const done = new Set(
      db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
    );
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `Console store migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
          { cause: error },
        );
      }
      record.run(migration.version, migration.name, Date.now());
      applied.push(migration.version);
    }
    return applied;
  });
  return migrate.immediate();
}
