// Runs `server/main.ts` as a real child process (node with tsx's loader: one process, so a
// SIGKILL really kills the server and leaves no orphan holding the port or the database).
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
// "Organizations Console on http://localhost:4173 (listening on 127.0.0.1:4173, …": the address to
// open, and the port it listens on.
const STARTED = /Organizations Console on (\S+) \(listening on \S+:(\d+),/;

// The console's own settings are given per test; none may leak in from the developer's shell.
const CONSOLE_SETTINGS =
  /^(PORT|HOST|CONSOLE_.*|DATA_DIR|DATABASE_URL|DATABASE_POOL_SIZE|SEED_ORGANIZATIONS|UPSTREAM_.*|CHATCAPTAIN_.*|OIDC_.*|SESSION_.*|AUDIT_.*|DEMO_OIDC_.*|METRICS_TOKEN|LOG_LEVEL|BULK_RATE_PER_SECOND)$/;

function serverEnvironment(env: Record<string, string>): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !CONSOLE_SETTINGS.test(entry[0]),
  );
  return { ...Object.fromEntries(inherited), PORT: '0', ...env };
}

function spawnServer(env: Record<string, string>): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: serverEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ServerProcess {
  /** The address the banner says to open (http://localhost:PORT in local mode). */
  url: string;
  /** The port it listens on. */
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the console server with `env` on an ephemeral port; resolves once it listens. */
export function startServerProcess(
  env: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawnServer(env);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    return exited;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = STARTED.exec(output);
      if (started?.[1] && started[2]) {
        clearTimeout(timer);
        resolve({ url: started[1], port: Number(started[2]), child, output: () => output, stop });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it listened:\n${output}`));
    });
  });
}

/** Runs `server/main.ts` to its exit (for configurations that must refuse to start). */
export function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(env);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
