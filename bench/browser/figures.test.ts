import { describe, expect, it } from 'vitest';
import { figureOf, formatFigureTable } from './figures.ts';

const samples = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20 ms

describe('figureOf', () => {
  it('holds the median against the budget unless told p95', () => {
    const figure = figureOf({ id: 'x', name: 'x', unit: 'ms', samples, budget: 10 });
    expect(figure.median).toBe(10);
    expect(figure.p95).toBe(19);
    expect(figure.runs).toBe(20);
    expect(figure.met).toBe(true);
    expect(figureOf({ id: 'x', name: 'x', unit: 'ms', samples, budget: 9 }).met).toBe(false);
  });

  it('judges the p95 when the budget is on it', () => {
    const input = { id: 'x', name: 'x', unit: 'ms', samples, budgetOn: 'p95' as const };
    expect(figureOf({ ...input, budget: 18 }).met).toBe(false);
    expect(figureOf({ ...input, budget: 19 }).met).toBe(true);
  });

  it('a budget of zero is met only by zero', () => {
    const input = { id: 'tasks', name: 'long tasks', unit: '', budget: 0 };
    expect(figureOf({ ...input, samples: [0, 0, 0] }).met).toBe(true);
    expect(figureOf({ ...input, samples: [0, 1, 1] }).met).toBe(false);
  });

  it('refuses a figure without samples rather than passing it', () => {
    expect(() => figureOf({ id: 'x', name: 'x', unit: 'ms', samples: [], budget: 1 })).toThrow(
      /no samples/,
    );
  });
});

describe('formatFigureTable', () => {
  it('prints each figure beside its budget and marks the missed ones', () => {
    const table = formatFigureTable([
      figureOf({ id: 'a', name: 'CSS, gzip', unit: 'KB', samples: [35.16], budget: 30 }),
      figureOf({
        id: 'b',
        name: 'search',
        unit: 'ms',
        samples: [42, 61.5],
        budget: 100,
        budgetOn: 'p95',
      }),
      figureOf({ id: 'c', name: 'long tasks', unit: '', samples: [0], budget: 0 }),
    ]);
    expect(table.split('\n')).toEqual([
      '| figure | runs | median | p95 | budget | result |',
      '|---|---:|---:|---:|---:|---|',
      '| CSS, gzip | 1 | 35.2 KB | 35.2 KB | ≤ 30 KB | MISSED |',
      '| search | 2 | 42.0 ms | 61.5 ms | ≤ 100 ms (p95) | ok |',
      '| long tasks | 1 | 0 | 0 | ≤ 0 | ok |',
    ]);
  });
});
