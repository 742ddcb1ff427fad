import type { ConsoleStore, ConsoleStoreOptions } from './console-store.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import { DEFAULT_POOL_SIZE } from './store-config.ts';

/**
 * Opens the console's store and brings its schema up to date: PostgreSQL when `databaseUrl` is
 * set, else SQLite in `dataDir`. Several processes may open one database at once.
 */
export async function openConsoleStore(options: ConsoleStoreOptions): Promise<ConsoleStore> {
  const now = options.now ?? Date.now;
  if (options.databaseUrl) {
    return openPostgresStore({
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      now,
      onError:
        options.onError ??
        ((error) =>
          console.error(`Console store: idle PostgreSQL connection lost: ${error.message}`)),
    });
  }
  return openSqliteStore(options.dataDir, now);
}
