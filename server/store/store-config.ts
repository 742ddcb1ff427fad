import { ConfigProblems } from '../settings.ts';

export const DEFAULT_POOL_SIZE = 10;

export interface StoreConfig {
  /** PostgreSQL when set; SQLite under DATA_DIR when not. */
  databaseUrl: string | undefined;
  poolSize: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** `DATABASE_URL` and `DATABASE_POOL_SIZE`, checked (see the README's configuration table). */
export function loadStoreConfig(env: Environment): StoreConfig {
  const problems = new ConfigProblems();
  const url = env.DATABASE_URL?.trim() || undefined;
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      // Never echo the value: it may carry a password.
      problems.add(
        'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database.',
      );
    }
  }
  const poolText = env.DATABASE_POOL_SIZE?.trim() || undefined;
  const poolSize = poolText === undefined ? DEFAULT_POOL_SIZE : Number(poolText);
  if (!/^\d+$/.test(poolText ?? '1') || poolSize < 1 || poolSize > 100) {
    problems.add(`DATABASE_POOL_SIZE must be a whole number from 1 to 100 (got "${poolText}").`);
  }
  problems.throwIfAny();
  return { databaseUrl: url, poolSize };
}

/** The database URL as it may be logged: host, port and database, never the password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `postgres://${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}
