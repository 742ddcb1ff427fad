// "The server answers other requests within its usual latency while a hostile one is handled"
// (issue 11), measured as it would be met: the sandbox served over HTTP by this process (as the
// console server serves it, @hono/node-server on the same event loop), a second client process
// timing list pages and searches, first alone and then while a hostile client process sends the
// worst requests the limits accept back to back. Both figures come from one run, so the ratio
// holds on a busy machine.
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Sandbox } from '../../server/sandbox/contract.ts';
import { TARGET_MS } from './measure.ts';
import type { ReportRow } from './report-table.ts';
import { Timings } from './timings.ts';
import type {
  AttackerCommand,
  AttackerReport,
  SecondClientCommand,
  SecondClientReport,
} from './attack-protocol.ts';

/** Requests the second client times in each phase (half list pages, half searches). */
const RUNS = 300;

export interface LatencyUnderAttack {
  rows: ReportRow[];
  /** Hostile requests answered while the second client was timed under attack. */
  hostileRequests: number;
  /** Their statuses, e.g. "201 × 12, 431 × 4" (0: the connection was closed without an answer). */
  hostileStatuses: string;
  /** p95 under attack divided by p95 alone, per operation. */
  ratios: { operation: string; ratio: number }[];
}

/**
 * Serves `sandbox` on `port` (0: any free port) on the loopback interface for the time of the
 * measurement. `queries`: the search texts of the second client (the bench's query mix);
 * `pageMark`: a word every stored page record holds (the hostile client's page searches).
 */
export async function measureLatencyUnderAttack(
  sandbox: Sandbox,
  options: { port: number; queries: readonly string[]; pageMark: string },
): Promise<LatencyUnderAttack> {
  // The globals stay undici's (overrideGlobalObjects: false), so the in-process figures of the
  // rest of the run are not measured on @hono/node-server's lighter Response.
  const server = serve({
    fetch: (request) => sandbox.fetch(request),
    hostname: '127.0.0.1',
    port: options.port,
    overrideGlobalObjects: false,
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const secondClient = start('second-client.ts');
  const attacker = start('hostile-client.ts');
  try {
    const run = async (warmUp: boolean): Promise<SecondClientReport> => {
      const command: SecondClientCommand = {
        baseUrl,
        queries: [...options.queries],
        runs: warmUp ? RUNS / 10 : RUNS,
      };
      return request<SecondClientReport>(secondClient, command);
    };
    await run(true);
    const alone = await run(false);
    const started: AttackerCommand = { kind: 'start', baseUrl, pageMark: options.pageMark };
    await request<AttackerReport>(attacker, started);
    const underAttack = await run(false);
    const stopped = await request<AttackerReport>(attacker, { kind: 'stop' });
    const rows: ReportRow[] = [];
    const ratios: LatencyUnderAttack['ratios'] = [];
    for (const operation of ['list', 'search'] as const) {
      const quiet = timingsOf(alone[operation]);
      const loaded = timingsOf(underAttack[operation]);
      const what = operation === 'list' ? 'list page (limit 50)' : 'search (1–3 words)';
      rows.push(wallRow(`${what} from a second client over HTTP, alone`, quiet));
      rows.push({
        ...wallRow(`${what}, while a hostile client sends the worst requests`, loaded),
        // Waiting for at most one hostile request in progress: its own budget more.
        targetMs: quiet.percentile(95) + TARGET_MS.hostileRequestCpu,
      });
      ratios.push({ operation: what, ratio: loaded.percentile(95) / quiet.percentile(95) });
    }
    const hostileStatuses = stopped.statuses
      .sort((a, b) => a[0] - b[0])
      .map(([status, count]) => `${status} × ${count}`)
      .join(', ');
    return { rows, hostileRequests: stopped.requests, hostileStatuses, ratios };
  } finally {
    secondClient.kill();
    attacker.kill();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function start(file: string): ChildProcess {
  // The children inherit this process's execArgv, so tsx loads their TypeScript too.
  return fork(fileURLToPath(new URL(file, import.meta.url)), { stdio: 'inherit' });
}

/** Sends one command and waits for the child's answer (or its failure). */
function request<T>(child: ChildProcess, command: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      cleanUp();
      const answer = message as { error?: string };
      if (answer.error) reject(new Error(answer.error));
      else resolve(message as T);
    };
    const onExit = (code: number | null): void => {
      cleanUp();
      reject(new Error(`a benchmark client exited (${code}) before answering`));
    };
    const cleanUp = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(command as object);
  });
}

function timingsOf(samples: readonly number[]): Timings {
  const timings = new Timings();
  for (const sample of samples) timings.add(sample);
  return timings;
}

function wallRow(name: string, timings: Timings): ReportRow {
  return { name, runs: timings.count, p50: timings.percentile(50), p95: timings.percentile(95) };
}
