// A console server process that a test starts, stops and starts again on its own port, over a
// data directory that outlives each process (the sandbox is durable), so a test can take the
// server away mid-edit and bring it back. Ended by its PID; the directory is the test's to remove.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleProcess {
  origin: string;
  start(): Promise<void>;
  /** Stops the server (SIGTERM, SIGKILL after 10 s) and waits until its port is closed. */
  stop(): Promise<void>;
  /** Stops it if running and removes its data directory. */
  dispose(): Promise<void>;
}

async function reachable(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/console/config`)).ok;
  } catch {
    return false;
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

export function consoleProcess({
  port,
  seedOrganizations = 300,
  env = {},
}: {
  port: number;
  seedOrganizations?: number;
  /** More settings for the server (e.g. EMBED_ALLOWED_ORIGINS). */
  env?: Record<string, string>;
}): ConsoleProcess {
  const origin = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'orgs-console-e2e-outage-'));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const stop = async () => {
    const running = child;
    if (running?.pid === undefined || running.exitCode !== null) return;
    const kill = setTimeout(() => running.kill('SIGKILL'), 10_000);
    running.kill('SIGTERM');
    await exited;
    clearTimeout(kill);
    child = undefined;
    await until(async () => !(await reachable(origin)), 10_000, 'the port did not close');
  };

  return {
    origin,
    async start() {
      // tsx as a loader of this Node process: the PID is the server's own.
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          SEED_ORGANIZATIONS: String(seedOrganizations),
          CHATCAPTAIN_API_URL: '',
          ...env,
        },
        stdio: 'ignore',
      });
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      await until(() => reachable(origin), 110_000, `the console server did not start on ${port}`);
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
