import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A console server child process (bench/browser/serve-console.ts) and how to stop it. */
export interface RunningConsole {
  baseUrl: string;
  /** Milliseconds the sandbox took to open (database read, search index built). */
  sandboxOpenMs: number;
  stop(): Promise<void>;
}

const READY = /bench console on port (\d+), sandbox opened in (\d+) ms/;
const START_TIMEOUT_MS = 120_000;

/** Starts the console over `dataDir` and `distDir` on `port`; resolves once it listens. */
export function startConsole(options: {
  root: string;
  dataDir: string;
  distDir: string;
  port: number;
}): Promise<RunningConsole> {
  // One process (node with tsx's loader), so SIGTERM reaches the server itself.
  const script = join(options.root, 'bench', 'browser', 'serve-console.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      BENCH_DIST_DIR: options.distDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the console did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console exited before it listened (exit ${code}): ${output}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready === null) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({
        baseUrl: `http://127.0.0.1:${ready[1]}`,
        sandboxOpenMs: Number(ready[2]),
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(forced);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
