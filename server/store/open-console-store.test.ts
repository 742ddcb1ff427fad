import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { postgresMigrations } from './migrations/postgres.ts';
import { sqliteMigrations } from './migrations/sqlite.ts';
import { openConsoleStore } from './open-console-store.ts';
import { migratePostgres } from './postgres/migrate.ts';
import { createPool } from './postgres/pool.ts';
import { migrateSqlite } from './sqlite/migrate.ts';
import { loadStoreConfig } from './store-config.ts';
import { describeEachEngine, type TestDatabase } from './test-support/store-engines.ts';

const execFileAsync = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('migrations', () => {
  it('have the same versions and names in both dialects, numbered from 1 without gaps', () => {
    const shape = (list: typeof sqliteMigrations) =>
      list.map(({ version, name }) => ({ version, name }));
    expect(shape(sqliteMigrations)).toEqual(shape(postgresMigrations));
    expect(sqliteMigrations.map((m) => m.version)).toEqual(sqliteMigrations.map((_, i) => i + 1));
  });
});

describeEachEngine('opening the store', (engine) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await engine.createDatabase();
  });
  afterEach(() => database.dispose());

  it('lets several stores open one fresh database at once, and migrates it once', async () => {
    const stores = await Promise.all([database.open(), database.open(), database.open()]);
    for (const store of stores) await expect(store.ping()).resolves.toBeUndefined();
    const rows = await database.sql('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => Number(row.version))).toEqual(
      postgresMigrations.map((m) => m.version),
    );
    // What each store did: one applied every migration, the others found nothing to do.
    const { sessions } = stores[0]!;
    const { id } = await sessions.create({
      subject: 's',
      email: null,
      name: null,
      role: 'viewer',
      idToken: null,
      idleTimeoutMs: 60_000,
      absoluteTimeoutMs: 120_000,
    });
    expect(await stores[2]!.sessions.get(id)).not.toBeNull();
  });

  it('keeps its data across a close and a reopen, without migrating again', async () => {
    const first = await database.open();
    await first.pins.add('alice', 'demo', 'o1');
    const before = await database.sql('SELECT version, applied_at FROM schema_migrations');
    await first.close();
    await first.close();
    await expect(first.ping()).rejects.toThrow();

    const second = await database.open();
    expect(await second.pins.list('alice', 'demo')).toEqual(['o1']);
    expect(await database.sql('SELECT version, applied_at FROM schema_migrations')).toEqual(before);
  });

  it('says which engine it is', async () => {
    expect((await database.open()).engine).toBe(engine.name);
  });
});

describeEachEngine('migrating concurrently', (engine) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await engine.createDatabase();
  });
  afterEach(() => database.dispose());

  it('applies each migration exactly once when two migrate side by side', async () => {
    if (engine.name === 'postgres') {
      const pools = [0, 1].map(() =>
        createPool({ databaseUrl: database.location.databaseUrl!, poolSize: 2, onError: () => {} }),
      );
      try {
        const applied = await Promise.all(pools.map((pool) => migratePostgres(pool)));
        expect(applied.flat().sort()).toEqual(postgresMigrations.map((m) => m.version));
        expect(applied.filter((versions) => versions.length === 0)).toHaveLength(1);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    } else {
      const path = join(database.location.dataDir, 'console.sqlite');
      const connections = [new Database(path), new Database(path)];
      try {
        const applied = connections.map((db) => migrateSqlite(db));
        expect(applied).toEqual([sqliteMigrations.map((m) => m.version), []]);
      } finally {
        for (const db of connections) db.close();
      }
    }
  });
});

describe('SQLite store', () => {
  let dataDir: string;

  beforeEach(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    dataDir = mkdtempSync(join(tmpdir(), 'console-store-open-'));
  });
  afterEach(async () => {
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lives in console.sqlite under the data directory, in WAL mode, created when missing', async () => {
    const nested = join(dataDir, 'not', 'yet');
    const store = await openConsoleStore({ dataDir: nested });
    await store.close();
    expect(existsSync(join(nested, 'console.sqlite'))).toBe(true);
    const db = new Database(join(nested, 'console.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps its write-ahead log small through thousands of writes (checkpoints happen)', async () => {
    // SQLite checkpoints every 1,000 pages (4 MB) by default; an unbounded log is far larger.
    const walBytes = () => statSync(join(dataDir, 'console.sqlite-wal')).size;
    const store = await openConsoleStore({ dataDir });
    for (let i = 0; i < 3_000; i += 1) {
      await store.audit.append({
        actorSubject: 'sub',
        actorEmail: null,
        operation: 'updateOrganization',
        chatbotId: 'demo',
        organizationId: `org-${i}`,
        organizationName: null,
        before: { industry: 'a' },
        after: { industry: 'b' },
        status: 200,
        error: null,
        requestId: null,
      });
    }
    expect(walBytes()).toBeLessThan(8 * 1024 * 1024);
    const state = (i: number) => `state-of-sign-in-${i}`;
    for (let i = 0; i < 3_000; i += 1) {
      await store.signInStates.put({
        state: state(i),
        codeVerifier: 'v',
        nonce: 'n',
        returnTo: '/',
        ttlMs: 60_000,
      });
    }
    for (let i = 0; i < 3_000; i += 1) await store.signInStates.take(state(i));
    expect(walBytes()).toBeLessThan(8 * 1024 * 1024);
    await store.close();
  });

  it('starts in two processes opening one new file at the same moment', async () => {
    const script = `
      import { openConsoleStore } from './server/store/open-console-store.ts';
      const store = await openConsoleStore({ dataDir: process.argv[1] });
      await store.ping();
      await store.close();
      console.log('started');`;
    const run = () =>
      execFileAsync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, dataDir],
        {
          cwd: projectRoot,
          timeout: 60_000,
        },
      );
    const results = await Promise.all([run(), run()]);
    expect(results.map((result) => result.stdout.trim())).toEqual(['started', 'started']);
    const db = new Database(join(dataDir, 'console.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(
      sqliteMigrations.length,
    );
    db.close();
  });
});

describe('PostgreSQL store', () => {
  it('fails to open with a message that names the server but never the password', async () => {
    const error = await openConsoleStore({
      dataDir: '/nonexistent',
      databaseUrl: 'postgres://console:s3cret-pa55@127.0.0.1:1/console',
      onError: () => {},
    }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('postgres://127.0.0.1:1/console');
    expect((error as Error).message).not.toContain('s3cret-pa55');
  });
});

describe('store configuration', () => {
  it('reads DATABASE_URL and DATABASE_POOL_SIZE', () => {
    expect(loadStoreConfig({})).toEqual({ databaseUrl: undefined, poolSize: 10 });
    expect(
      loadStoreConfig({
        DATABASE_URL: ' postgresql://u:p@db:5432/console ',
        DATABASE_POOL_SIZE: '20',
      }),
    ).toEqual({ databaseUrl: 'postgresql://u:p@db:5432/console', poolSize: 20 });
  });

  it('refuses a URL that is not PostgreSQL without echoing it, and a bad pool size', () => {
    const read = (env: Record<string, string>) => () => loadStoreConfig(env);
    expect(read({ DATABASE_URL: 'mysql://u:secret@db/x' })).toThrow(ConfigError);
    expect(read({ DATABASE_URL: 'mysql://u:secret@db/x' })).not.toThrow(/secret/);
    expect(read({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(read({ DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE must be a whole number from 1 to 100/,
    );
    expect(read({ DATABASE_POOL_SIZE: '2.5' })).toThrow(ConfigError);
  });
});
