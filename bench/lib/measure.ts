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
