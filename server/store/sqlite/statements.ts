import type Database from 'better-sqlite3';
import type { Row } from '../rows.ts';

/**
 * The row a `… RETURNING *` statement wrote. Always stepped to the end (`all`), never `get`: a
 * write statement that better-sqlite3 resets after its first row commits without running
 * SQLite's WAL auto-checkpoint, and the WAL then grows without bound (measured: 170 MB after
 * 20,000 audit appends, and a first read of 600 ms after them).
 */
export function writeReturning(
  statement: Database.Statement,
  ...params: unknown[]
): Row | undefined {
  return (statement.all(...params) as Row[])[0];
}

/** Prepared statements of SQL built at run time (a few shapes of filters), prepared once each. */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
}
