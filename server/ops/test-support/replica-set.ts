// For e2e/replicas.spec.ts and `npm run bench:replicas`: console replicas as they are deployed —
// separate processes (`server/main.ts`) on one throwaway PostgreSQL (DATABASE_URL), behind the
// round-robin proxy, signing in through one demo provider run on its own (`npm run demo-provider`,
// CONSOLE_AUTH=demo with DEMO_OIDC_ISSUER), over one API backend every replica reaches: a console
// in sandbox mode playing the ChatCaptain API (CHATCAPTAIN_API_URL), since each replica's own
// sandbox would be a separate copy of the data. Every process and directory is ended and removed
// by `close`.
import { spawn, type ChildProcess } from 'node:child_process';
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
  replicas: readonly number[];
  /** The console in sandbox mode that plays the ChatCaptain API. */
  upstream: number;
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
  /** How long to wait for every process to be ready. */
  startTimeoutMs?: number;
}

export async function startReplicaSet(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const { ports } = options;
  const root = mkdtempSync(join(tmpdir(), 'console-replicas-'));
  const processes: ConsoleProcess[] = [];
  let cluster: PostgresCluster | undefined;
  let proxy: RoundRobinProxy | undefined;
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);

  const close = async () => {
    await Promise.all(processes.map((process) => stopProcess(process.child)));
    await proxy?.close();
    await cluster?.stop();
    rmSync(root, { recursive: true, force: true });
  };

  try {
    cluster = await startPostgresCluster({ ports: ports.postgres });
    const databaseUrl = await cluster.createDatabase();
    const url = `http://localhost:${ports.proxy}`;
    proxy = await startRoundRobinProxy(ports.replicas, ports.proxy);

    const upstream = startProcess(processes, 'api', 'server/main.ts', {
      PORT: String(ports.upstream),
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
    await waitFor(`http://localhost:${ports.upstream}/readyz`, deadline, processes);

    const replicas = ports.replicas.map((port, index) =>
      startProcess(processes, `replica ${index}`, 'server/main.ts', {
        PORT: String(port),
        CONSOLE_URL: url,
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(root, `replica-${index}`),
        CHATCAPTAIN_API_URL: `http://localhost:${ports.upstream}`,
        CHATCAPTAIN_CHATBOT_ID: SANDBOX_CHATBOT_ID,
        CHATCAPTAIN_API_KEY: FULL_ACCESS_KEY,
        CONSOLE_AUTH: 'demo',
        DEMO_OIDC_ISSUER: issuer,
        DEMO_OIDC_CLIENT_SECRET: clientSecret,
      }),
    );
    // Started together, as an orchestrator would: their migrations meet at the store's lock.
    await Promise.all(
      ports.replicas.map((port) => waitFor(`http://127.0.0.1:${port}/readyz`, deadline, processes)),
    );
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
    throw new Error(`${error instanceof Error ? error.message : error}\n${outputs.join('\n')}`);
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

async function waitFor(url: string, deadline: number, processes: ConsoleProcess[]): Promise<void> {
  for (;;) {
    const dead = processes.find((process) => process.child.exitCode !== null);
    if (dead !== undefined) throw new Error(`${dead.name} exited (${dead.child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
