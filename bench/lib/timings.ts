/** Where a measured call reports its wall and CPU milliseconds. */
export interface TimingSink {
  add(wallMs: number, cpuMs?: number): void;
}

/** Durations of one operation, in milliseconds: wall clock, and CPU time (measure.ts). */
export class Timings implements TimingSink {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  /** `cpuMs`: CPU time used meanwhile, when measured (whose: the caller's clock says). */
  add(wallMs: number, cpuMs?: number): void {
    this.wall.push(wallMs);
    if (cpuMs !== undefined) this.cpu.push(cpuMs);
  }

  get count(): number {
    return this.wall.length;
  }

  /** The nearest-rank percentile (p in 0..100) of the wall times; NaN without samples. */
  percentile(p: number): number {
    return nearestRank(this.wall, p);
  }

  /** The same for the CPU times: what the work costs when the machine is not shared. */
  cpuPercentile(p: number): number {
    return nearestRank(this.cpu, p);
  }
}

function nearestRank(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
