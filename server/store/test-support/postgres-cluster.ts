// A throwaway PostgreSQL cluster for tests: `initdb` into a temporary directory, `pg_ctl start` on
// 127.0.0.1 with its socket in that directory, stopped (`-m immediate`) and deleted afterwards.
// Debian's `postgresql` package is enough; the system's own cluster is never touched. PostgreSQL
// refuses to run as root, so as root every command runs as the `postgres` OS user (`runuser`).
import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';
const OS_USER = 'postgres';
const START_ATTEMPTS = 8;

export interface PostgresClusterOptions {
  /** Directory of `initdb`, `pg_ctl` and `postgres`; default: `PG_BIN_DIR`, else the newest Debian one. */
  binDir?: string;
  /** Ports to choose from (a free one is taken); default: any free port the OS hands out. */
  ports?: readonly number[];
}

export interface PostgresCluster {
  readonly port: number;
  /** URL of the cluster's `postgres` database as the superuser `postgres` (trust authentication). */
  readonly adminUrl: string;
  /** URL of database `name` on this cluster. */
  urlOf(name: string): string;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase(): Promise<string>;
  /** Drops a database made by `createDatabase`, closing any connection left open to it. */
  dropDatabase(url: string): Promise<void>;
  /** Stops the server at once and deletes its directory. */
  stop(): Promise<void>;
}

/** Thrown when no PostgreSQL server binaries are installed; the message says how to get them. */
export class PostgresBinariesMissing extends Error {
  override name = 'PostgresBinariesMissing';
}

/**
 * The directory holding `initdb` and `pg_ctl`: `PG_BIN_DIR` when set, else the newest of
 * `/usr/lib/postgresql/<version>/bin` (Debian's layout; these are not on the PATH there).
 */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PG_BIN_DIR?.trim();
  if (override) {
    if (!existsSync(join(override, 'initdb'))) {
      throw new PostgresBinariesMissing(`PG_BIN_DIR=${override} has no initdb.`);
    }
    return override;
  }
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new PostgresBinariesMissing(
      `No PostgreSQL server binaries in ${DEBIAN_ROOT}/*/bin: install Debian's postgresql ` +
        'package (apt-get install postgresql; .ci/run does it) or set PG_BIN_DIR.',
    );
  }
  return join(DEBIAN_ROOT, newest, 'bin');
}

const runningAsRoot = process.getuid?.() === 0;

/** The command line that runs `binary` as a user PostgreSQL accepts. */
function asClusterUser(binary: string, args: string[]): [string, string[]] {
  return runningAsRoot ? ['runuser', ['-u', OS_USER, '--', binary, ...args]] : [binary, args];
}

async function run(binary: string, args: string[]): Promise<void> {
  const [command, commandArgs] = asClusterUser(binary, args);
  try {
    await execFileAsync(command, commandArgs, { timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `${[command, ...commandArgs].join(' ')} failed: ${stderr || stdout || String(error)}`,
    );
  }
}

function osUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/** A port that nothing listens on right now (PostgreSQL may still lose a race for it; see start). */
async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

async function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function candidatePorts(ports: readonly number[] | undefined): Promise<number[]> {
  if (ports === undefined) {
    const picked: number[] = [];
    for (let i = 0; i < START_ATTEMPTS; i += 1) picked.push(await anyFreePort());
    return picked;
  }
  const shuffled = [...ports].sort(() => Math.random() - 0.5);
  const free: number[] = [];
  for (const port of shuffled) if (await isFree(port)) free.push(port);
  if (free.length === 0) throw new Error(`No free port for PostgreSQL among ${ports.join(', ')}.`);
  return free;
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const TEST_DATABASE = /^test_[a-z0-9]+$/;

/**
 * Creates an empty database with a fresh name on the cluster of `adminUrl` (its `postgres`
 * database) and returns the new database's URL. Usable wherever only the URL is known, e.g. in a
 * test worker, given `inject('postgres').adminUrl`.
 */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `test_${Math.random().toString(36).slice(2, 12)}`;
  await asAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Drops a database made by `createTestDatabase`, closing any connection left open to it. */
export async function dropTestDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!TEST_DATABASE.test(name)) throw new Error(`Not a test database: ${name}`);
  await asAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Starts a fresh cluster; resolves once it accepts connections. */
export async function startPostgresCluster(
  options: PostgresClusterOptions = {},
): Promise<PostgresCluster> {
  const binDir = options.binDir ?? findPostgresBinDir();
  const root = mkdtempSync(join(tmpdir(), 'console-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'postgres.log');
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  try {
    mkdirSync(dataDir, { mode: 0o700 });
    if (runningAsRoot) {
      const { uid, gid } = osUserIds();
      chownSync(root, uid, gid);
      chownSync(dataDir, uid, gid);
    }
    // --no-sync and the settings below trade crash safety of the cluster (never killed by tests)
    // for speed; trust authentication is fine for a server that listens on 127.0.0.1 only.
    await run(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      OS_USER,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);

    let started: number | undefined;
    let lastError: unknown;
    for (const port of await candidatePorts(options.ports)) {
      const serverOptions = [
        `-p ${port}`,
        `-k ${root}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await run(join(binDir, 'pg_ctl'), [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '60',
          '-o',
          serverOptions,
          'start',
        ]);
        started = port;
        break;
      } catch (error) {
        lastError = error;
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
        // Another process took the port between the check and the start: try the next one.
        if (!/could not bind|already in use/i.test(log)) break;
      }
    }
    if (started === undefined) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${log}`);
    }
    return clusterHandle(binDir, dataDir, started, removeRoot);
  } catch (error) {
    removeRoot();
    throw error;
  }
}

function clusterHandle(
  binDir: string,
  dataDir: string,
  port: number,
  removeRoot: () => void,
): PostgresCluster {
  const urlOf = (name: string) => `postgres://${OS_USER}@127.0.0.1:${port}/${name}`;
  const adminUrl = urlOf('postgres');
  const pgCtlStop = asClusterUser(join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    'stop',
    '-m',
    'immediate',
    '-w',
  ]);

  // Should the process exit without stop() (a thrown error, process.exit), leave no server behind.
  const stopOnExit = () => {
    try {
      execFileSync(pgCtlStop[0], pgCtlStop[1], { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    removeRoot();
  };
  process.once('exit', stopOnExit);

  return {
    port,
    adminUrl,
    urlOf,
    createDatabase: () => createTestDatabase(adminUrl),
    dropDatabase: (url) => dropTestDatabase(adminUrl, url),
    async stop() {
      process.removeListener('exit', stopOnExit);
      try {
        await execFileAsync(pgCtlStop[0], pgCtlStop[1], { timeout: 60_000 });
      } finally {
        removeRoot();
      }
    },
  };
}
