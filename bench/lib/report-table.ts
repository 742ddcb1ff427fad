/** One line of the benchmark report: a measured figure beside its target, if it has one. */
export interface ReportRow {
  name: string;
  runs: number;
  /** Milliseconds. */
  p50: number;
  /** Milliseconds. */
  p95: number;
  /** CPU milliseconds, when measured (the process's, or its event loop thread's: see api.ts). */
  cpuP50?: number;
  cpuP95?: number;
  /** The p95 must not exceed this many milliseconds; undefined: reported only. */
  targetMs?: number;
  /** Which p95 the target judges: wall time (default) or CPU time. */
  targetOn?: 'wall' | 'cpu';
}

export function meetsTarget(row: ReportRow): boolean {
  if (row.targetMs === undefined) return true;
  const p95 = row.targetOn === 'cpu' ? row.cpuP95 : row.p95;
  return p95 !== undefined && p95 <= row.targetMs;
}

/** A Markdown table, so the output can be pasted into the README as it is. */
export function formatReport(rows: readonly ReportRow[]): string {
  const lines = [
    '| operation | runs | p50 ms | p95 ms | target (p95) | result | CPU p50 ms | CPU p95 ms |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const row of rows) {
    const on = row.targetOn === 'cpu' ? ' CPU' : '';
    const target = row.targetMs === undefined ? '—' : `≤ ${formatMs(row.targetMs)}${on}`;
    const result = row.targetMs === undefined ? 'reported' : meetsTarget(row) ? 'ok' : 'MISSED';
    const cpu = (ms: number | undefined): string => (ms === undefined ? '—' : formatMs(ms));
    lines.push(
      `| ${row.name} | ${row.runs} | ${formatMs(row.p50)} | ${formatMs(row.p95)} | ${target} | ${result} ` +
        `| ${cpu(row.cpuP50)} | ${cpu(row.cpuP95)} |`,
    );
  }
  return lines.join('\n');
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${ms.toFixed(0)}`;
  return ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
