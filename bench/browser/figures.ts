import { Timings } from '../lib/timings.ts';

/** Which statistic of a figure's samples is held against its budget. */
export type BudgetStatistic = 'median' | 'p95';

/** One measured figure of `npm run bench`: its samples, summarised, beside its budget. */
export interface Figure {
  /** Stable key in bench/results.json. */
  id: string;
  /** As printed in the table. */
  name: string;
  /** "ms", "KB", "MB" or "" (a count). */
  unit: string;
  runs: number;
  median: number;
  p95: number;
  /** The budget is a maximum: the chosen statistic must not exceed it (null: none, reported only). */
  budget: number | null;
  budgetOn: BudgetStatistic;
  met: boolean;
  /** What a reader needs to judge the number (what was measured, how, anything odd). */
  note?: string;
}

export interface FigureInput {
  id: string;
  name: string;
  unit: string;
  samples: readonly number[];
  /** Undefined: the figure is reported without a budget (the ×4 CPU rows the issue sets none for). */
  budget: number | undefined;
  budgetOn?: BudgetStatistic;
  note?: string;
}

/** Summarises samples (nearest-rank median and p95) and judges them against the budget. */
export function figureOf(input: FigureInput): Figure {
  if (input.samples.length === 0) throw new Error(`${input.id}: no samples were measured`);
  const timings = new Timings();
  for (const sample of input.samples) timings.add(sample);
  const median = timings.percentile(50);
  const p95 = timings.percentile(95);
  const budgetOn = input.budgetOn ?? 'median';
  const judged = budgetOn === 'median' ? median : p95;
  return {
    id: input.id,
    name: input.name,
    unit: input.unit,
    runs: timings.count,
    median,
    p95,
    budget: input.budget ?? null,
    budgetOn,
    met: Number.isFinite(judged) && (input.budget === undefined || judged <= input.budget),
    ...(input.note === undefined ? {} : { note: input.note }),
  };
}

function formatValue(value: number, unit: string): string {
  const digits = unit === '' || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === '' ? number : `${number} ${unit}`;
}

/** A Markdown table: each figure's median and p95 beside its budget, and whether it was met. */
export function formatFigureTable(figures: readonly Figure[]): string {
  const lines = [
    '| figure | runs | median | p95 | budget | result |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const figure of figures) {
    const limit =
      figure.budget === null
        ? null
        : `${figure.budget.toLocaleString('en')}${figure.unit === '' ? '' : ` ${figure.unit}`}`;
    const budget = limit === null ? '–' : `≤ ${limit}${figure.budgetOn === 'p95' ? ' (p95)' : ''}`;
    lines.push(
      `| ${figure.name} | ${figure.runs} | ${formatValue(figure.median, figure.unit)} | ` +
        `${formatValue(figure.p95, figure.unit)} | ${budget} | ${figure.budget === null ? '' : figure.met ? 'ok' : 'MISSED'} |`,
    );
  }
  return lines.join('\n');
}
