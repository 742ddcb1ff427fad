// Runs one suite against both engines with the same assertions: SQLite in a temporary directory,
// PostgreSQL in a fresh database of the cluster the global setup started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject, it } from 'vitest';
import type { ConsoleStore, StoreEngine } from '../console-store.ts';
import { openConsoleStore } from '../open-console-store.ts';
import { createTestDatabase, dropTestDatabase } from './postgres-cluster.ts';
import './postgres-for-tests.ts';

export interface TestClock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock the test moves by hand, starting at a fixed instant. */
export function testClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)): TestClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** One empty database; every store opened on it shares it (as replicas or processes would). */
export interface TestDatabase {
  readonly engine: StoreEngine;
  /** What `openConsoleStore` gets (besides the clock). */
  readonly location: { dataDir: string; databaseUrl?: string };
  open(options?: { now?: () => number; poolSize?: number }): Promise<ConsoleStore>;
  /** A statement straight on the database, for what the store's interface deliberately lacks. */
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Closes every store opened here and deletes the database. */
  dispose(): Promise<void>;
}

export interface EngineUnderTest {
  readonly name: StoreEngine;
  createDatabase(): Promise<TestDatabase>;
}

function trackStores(location: TestDatabase['location']) {
  const stores: ConsoleStore[] = [];
  return {
    async open(options: { now?: () => number; poolSize?: number } = {}) {
      const store = await openConsoleStore({ ...location, ...options });
      stores.push(store);
      return store;
    },
    closeAll: () => Promise.all(stores.map((store) => store.close())),
  };
}

const sqliteEngine: EngineUnderTest = {
  name: 'sqlite',
  async createDatabase() {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-store-test-'));
    const location = { dataDir };
    const stores = trackStores(location);
    const { default: Database } = await import('better-sqlite3');
    return {
      engine: 'sqlite',
      location,
      open: stores.open,
      async sql(text, params = []) {
        const db = new Database(join(dataDir, 'console.sqlite'));
        try {
          const statement = db.prepare(text);
          return statement.reader
            ? (statement.all(...params) as Record<string, unknown>[])
            : (statement.run(...params), []);
        } finally {
          db.close();
        }
      },
      async dispose() {
        await stores.closeAll();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function postgresEngine(adminUrl: string): EngineUnderTest {
  return {
    name: 'postgres',
    async createDatabase() {
      const databaseUrl = await createTestDatabase(adminUrl);
      // Unused by PostgreSQL, but a store must never write there: make any such write fail.
      const location = { dataDir: '/nonexistent/console-store-test', databaseUrl };
      const stores = trackStores(location);
      return {
        engine: 'postgres',
        location,
        open: stores.open,
        async sql(text, params = []) {
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          try {
            return (await client.query(text, params)).rows;
          } finally {
            await client.end();
          }
        },
        async dispose() {
          await stores.closeAll();
          await dropTestDatabase(adminUrl, databaseUrl);
        },
      };
    },
  };
}

/**
 * `describe` once per engine, with the engine's name in the title. When PostgreSQL is missing its
 * half is skipped (and says why), or, in CI, replaced by one failing test that says why.
 */
export function describeEachEngine(title: string, suite: (engine: EngineUnderTest) => void): void {
  describe(`${title} [sqlite]`, () => suite(sqliteEngine));
  const postgres = inject('postgres');
  if (postgres.available) {
    describe(`${title} [postgres]`, () => suite(postgresEngine(postgres.adminUrl)));
  } else if (postgres.required) {
    describe(`${title} [postgres]`, () => {
      it('has a PostgreSQL to run against', () => {
        throw new Error(`PostgreSQL is required in CI: ${postgres.reason}`);
      });
    });
  } else {
    describe.skip(`${title} [postgres] (skipped: ${postgres.reason})`, () =>
      suite(postgresEngine('postgres://unavailable/postgres')));
  }
}

export interface StoreUnderTest {
  database: TestDatabase;
  clock: TestClock;
  store: ConsoleStore;
}

/**
 * Before each test: a fresh database, a clock the test moves by hand and a store on both; the
 * database is deleted after the test. Read the fields inside tests, not when the suite is built.
 */
export function freshStoreForEachTest(
  engine: EngineUnderTest,
  options: { poolSize?: number } = {},
): StoreUnderTest {
  const current = {} as StoreUnderTest;
  beforeEach(async () => {
    current.database = await engine.createDatabase();
    current.clock = testClock();
    current.store = await current.database.open({ now: current.clock.now, ...options });
  });
  afterEach(() => current.database.dispose());
  return current;
}
