// For e2e/replicas.spec.ts and `npm run bench:replicas`: console replicas as they are deployed —
// separate processes (`server/main.ts`) on one throwaway PostgreSQL (DATABASE_URL), behind the
// round-robin proxy, signing in through one demo provider run on its own (`npm run demo-provider`,
// CONSOLE_AUTH=demo with DEMO_OIDC_ISSUER), over one API backend every replica reaches: a console
// in sandbox mode playing the ChatCaptain API (CHATCAPTAIN_API_URL), since each replica's own
// sandbox would be a separate copy of the data. Every process and directory is ended and removed
// by `close`.
import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../sandbox/api-keys.ts';
import {
  startPostgresCluster,
  type PostgresCluster,
} from '../../store/test-support/postgres-cluster.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ReplicaSetPorts {
  /** The load balancer: the console's address (CONSOLE_URL). */
  proxy: number;
  /** The demo provider (its address is the sign-in's issuer, fixed before the replicas start). */
  demoProvider: number;
  /** Ports the PostgreSQL cluster may take; undefined: any free one. */
  postgres?: readonly number[];
}

export interface ConsoleProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
}

export interface ReplicaSet {
  /** The console's address, through the proxy. */
  readonly url: string;
  readonly proxy: RoundRobinProxy;
  readonly replicas: readonly ConsoleProcess[];
  readonly upstream: ConsoleProcess;
  readonly databaseUrl: string;
  /** `kill -9` of one replica; resolves once it is gone. */
  kill(index: number): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaSetOptions {
  ports: ReplicaSetPorts;
  /** Organizations the API backend is seeded with. */
  seedOrganizations: number;
  /** Console replicas behind the proxy (2 if not given). */
  replicaCount?: number;
  /** Settings every replica gets besides the set's own (e.g. BULK_RATE_PER_SECOND). */
  replicaEnv?: Readonly<Record<string, string>>;
  /** How long to wait for every process to be ready. */
  startTimeoutMs?: number;
}

export async function startReplicaSet(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const { ports } = options;
  const root = mkdtempSync(join(tmpdir(), 'console-replicas-'));
  const processes: ConsoleProcess[] = [];
  let cluster: PostgresCluster | undefined;
  let proxy: RoundRobinProxy | undefined;
  const startedAt = Date.now();
  const deadline = startedAt + (options.startTimeoutMs ?? 120_000);
  // When each step was reached: a start that runs out of time says where the time went.
  const steps: string[] = [];
  const reached = (step: string) =>
    steps.push(`${step} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const close = async () => {
    await Promise.all(processes.map((process) => stopProcess(process.child)));
    await proxy?.close();
    await cluster?.stop();
    rmSync(root, { recursive: true, force: true });
  };

  try {
    cluster = await startPostgresCluster({ ports: ports.postgres });
    const databaseUrl = await cluster.createDatabase();
    reached('PostgreSQL up');
    const url = `http://localhost:${ports.proxy}`;

    // The API backend and the replicas take free ports from the OS (PORT=0) and are found by the
    // line each logs once it listens: no fixed port can be held by something else on the machine,
    // and nothing is probed before it listens.
    const upstream = startProcess(processes, 'api', 'server/main.ts', {
      PORT: '0',
      DATA_DIR: join(root, 'api'),
      SEED_ORGANIZATIONS: String(options.seedOrganizations),
    });
    const clientSecret = randomBytes(24).toString('base64url');
    startProcess(processes, 'demo provider', 'server/auth/demo-provider/cli.ts', {
      CONSOLE_URL: url,
      DEMO_OIDC_PORT: String(ports.demoProvider),
      DEMO_OIDC_CLIENT_SECRET: clientSecret,
    });
    const issuer = `http://localhost:${ports.demoProvider}`;
    await waitFor(`${issuer}/.well-known/openid-configuration`, deadline, processes);
    reached('demo provider ready');
    const upstreamPort = await listeningPort(upstream, deadline, processes);
    await waitFor(`http://127.0.0.1:${upstreamPort}/readyz`, deadline, processes);
    reached('API backend ready');

    const replicas = Array.from({ length: options.replicaCount ?? 2 }, (_, index) =>
      startProcess(processes, `replica ${index}`, 'server/main.ts', {
        PORT: '0',
        CONSOLE_URL: url,
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(root, `replica-${index}`),
        CHATCAPTAIN_API_URL: `http://127.0.0.1:${upstreamPort}`,
        CHATCAPTAIN_CHATBOT_ID: SANDBOX_CHATBOT_ID,
        CHATCAPTAIN_API_KEY: FULL_ACCESS_KEY,
        CONSOLE_AUTH: 'demo',
        DEMO_OIDC_ISSUER: issuer,
        DEMO_OIDC_CLIENT_SECRET: clientSecret,
        ...options.replicaEnv,
      }),
    );
    // Started together, as an orchestrator would: their migrations meet at the store's lock.
    const replicaPorts = await Promise.all(
      replicas.map(async (replica, index) => {
        const port = await listeningPort(replica, deadline, processes);
        reached(`replica ${index} listening`);
        await waitFor(`http://127.0.0.1:${port}/readyz`, deadline, processes);
        reached(`replica ${index} ready`);
        return port;
      }),
    );
    proxy = await startRoundRobinProxy(replicaPorts, ports.proxy);
    const started = proxy;
    return {
      url,
      proxy: started,
      replicas,
      upstream,
      databaseUrl,
      async kill(index) {
        const { child } = replicas[index]!;
        const gone = exited(child);
        child.kill('SIGKILL');
        await gone;
      },
      close,
    };
  } catch (error) {
    const outputs = processes.map((process) => `--- ${process.name}:\n${process.output()}`);
    await close();
    const timeline = steps.length > 0 ? steps.join('; ') : 'no step reached';
    throw new Error(
      `${error instanceof Error ? error.message : error} (${timeline})\n${outputs.join('\n')}`,
    );
  }
}

function startProcess(
  processes: ConsoleProcess[],
  name: string,
  script: string,
  env: Record<string, string>,
): ConsoleProcess {
  // A clean environment: nothing of the caller's console settings leaks into a replica.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    // The log of a long run is not kept whole: the last megabyte is enough to diagnose.
    output = (output + chunk.toString('utf8')).slice(-1_000_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const started = { name, child, output: () => output };
  processes.push(started);
  return started;
}

/** The port a console process listens on, read from the line it logs once it does. */
async function listeningPort(
  process: ConsoleProcess,
  deadline: number,
  processes: ConsoleProcess[],
): Promise<number> {
  for (;;) {
    const port = /listening on (?:127\.0\.0\.1|\[::1\]):(\d+)/.exec(process.output())?.[1];
    if (port !== undefined) return Number(port);
    failIfEnded(processes);
    if (Date.now() > deadline) throw new Error(`${process.name} did not start listening in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A process that exited, or was killed by a signal (the OOM killer's SIGKILL has no exit code). */
function failIfEnded(processes: ConsoleProcess[]): void {
  const ended = processes.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
  if (ended !== undefined) {
    const { exitCode, signalCode } = ended.child;
    throw new Error(`${ended.name} ended (${signalCode ?? `exit code ${exitCode}`})`);
  }
}

async function waitFor(url: string, deadline: number, processes: ConsoleProcess[]): Promise<void> {
  let lastFailure = 'no probe made';
  for (;;) {
    failIfEnded(processes);
    const timeoutMs = Math.max(1_000, Math.min(10_000, deadline - Date.now()));
    const failure = await probe(url, timeoutMs);
    if (failure === undefined) return;
    lastFailure = failure;
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer in time (last probe: ${lastFailure})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * One GET on a connection of its own (no pooled connection is reused), bounded in time: a process
 * that accepted the connection but hangs cannot hold the wait past its deadline. Undefined when
 * the answer is 2xx, else what went wrong.
 */
function probe(url: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = httpGet(url, { agent: false, timeout: timeoutMs }, (answer) => {
      answer.resume();
      const status = answer.statusCode ?? 0;
      resolve(status >= 200 && status < 300 ? undefined : `HTTP ${status}`);
    });
    request.on('timeout', () => {
      request.destroy();
      resolve(`no answer within ${timeoutMs} ms`);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM (the console's graceful shutdown), then SIGKILL should it not exit within 15 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}
