import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ReportRow } from './report-table.ts';
import type { Timings } from './timings.ts';

export const RUNS = 200;
export const WARM_UP_RUNS = 20;
export const TARGET_MS = {
  list: 5,
  search: 20,
  write: 5,
  coldStart: 5_000,
  indexBuild: 3_000,
  indexWrite: 1,
  // Issue 11: no single request may hold the process for more than ~50 ms of CPU.
  hostileRequestCpu: 50,
};

export function rowOf(name: string, timings: Timings, targetMs?: number): ReportRow {
  return {
    name,
    runs: timings.count,
    p50: timings.percentile(50),
    p95: timings.percentile(95),
    cpuP50: timings.cpuPercentile(50),
    cpuP95: timings.cpuPercentile(95),
    targetMs,
  };
}

/**
 * The worst single call among the samples (max, not a percentile) as a row judged on CPU time
 * against the hostile-request target.
 */
export function worstCpuRow(name: string, timings: Timings): ReportRow {
  const wallMs = timings.percentile(100);
  const cpuMs = timings.cpuPercentile(100);
  return {
    name: `${name}, of ${timings.count} (CPU)`,
    runs: timings.count,
    p50: wallMs,
    p95: wallMs,
    cpuP50: cpuMs,
    cpuP95: cpuMs,
    targetMs: TARGET_MS.hostileRequestCpu,
    targetOn: 'cpu',
  };
}

/** JavaScript heap plus typed-array buffers (the search index keeps its postings in those). */
export function retainedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** A full garbage collection, for heap figures that count only what is retained. */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export function cpuMilliseconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

const THREAD_SCHEDSTAT = '/proc/thread-self/schedstat';
const hasThreadClock = ((): boolean => {
  try {
    readFileSync(THREAD_SCHEDSTAT, 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU milliseconds used so far by the calling thread (the event loop's, where the sandbox runs
 * a request): what holds other requests up. Linux gives it in the first figure of
 * /proc/thread-self/schedstat, brought up to date at each scheduler tick and switch, so it is
 * right to a tick (4 ms here): fit for requests of tens of milliseconds, not for the quick
 * ones (those are timed with process.cpuUsage). Node 20 has no per-thread clock; elsewhere this
 * falls back
 * to the whole process's (which also counts the collector's and the compiler's helper threads,
 * running beside the event loop on other cores).
 */
export function eventLoopCpuMs(): number {
  if (!hasThreadClock) return cpuMilliseconds(process.cpuUsage());
  return Number(readFileSync(THREAD_SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
}

/** What `eventLoopCpuMs` measures, for the reports. */
export const EVENT_LOOP_CPU_SOURCE = hasThreadClock
  ? 'the event loop thread (/proc/thread-self/schedstat)'
  : 'the whole process (no per-thread clock here)';
