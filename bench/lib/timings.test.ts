import { describe, expect, it } from 'vitest';
import { Timings } from './timings.ts';

describe('Timings', () => {
  it('reports nearest-rank percentiles of wall and CPU times', () => {
    const timings = new Timings();
    for (let ms = 100; ms >= 1; ms--) timings.add(ms, ms / 10);
    expect(timings.percentile(50)).toBe(50);
    expect(timings.percentile(95)).toBe(95);
    expect(timings.percentile(100)).toBe(100);
    expect(timings.cpuPercentile(95)).toBe(9.5);
    expect(timings.count).toBe(100);
  });

  it('has no percentile without samples', () => {
    expect(new Timings().percentile(95)).toBeNaN();
    const wallOnly = new Timings();
    wallOnly.add(3);
    expect(wallOnly.cpuPercentile(50)).toBeNaN();
  });
});
