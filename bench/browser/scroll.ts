// Scrolling the list through 10,000 organizations, a few rows a frame, waiting wherever rendered
// rows are still skeletons (their page is loading): long tasks meanwhile, the most rows in the
// DOM at once, and the JS heap afterwards.
import type { Browser } from '@playwright/test';
import { figureOf, type Figure } from './figures.ts';
import { atCpu, newBenchContext, newBenchPage, waitForListReady, type CpuRate } from './launch.ts';
import { readProbes } from './page-probes.ts';

export const SCROLL_ROWS = 10_000;
const SCROLL_RUNS = 3;
/** Rows moved per frame: a brisk wheel scroll (8 × 44 px a frame, about 21,000 px a second). */
const ROWS_PER_FRAME = 8;
const SCROLL_TIMEOUT_MS = 180_000;

interface ScrollOutcome {
  startedAt: number;
  endedAt: number;
  maxDomRows: number;
  frames: number;
}

/** Runs in the page: scrolls until the first row rendered is at position `rows` or beyond. */
async function scrollRows(options: {
  rows: number;
  rowsPerFrame: number;
  timeoutMs: number;
}): Promise<ScrollOutcome> {
  const scroller = document.querySelector<HTMLElement>(
    '[role=region][aria-label="Organizations list"]',
  );
  const body = scroller?.querySelectorAll('[role=table] > [role=rowgroup]')[1];
  if (!scroller || !body) throw new Error('no organizations list');
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const rowHeight =
    scroller.querySelector<HTMLElement>('[role=row][data-position]')?.offsetHeight ?? 44;
  // No geometry is read here (no getBoundingClientRect): forcing layout from the loop would add
  // work of the benchmark's own to the frames it judges. Rendered rows reach 8 rows past the
  // viewport (the overscan), so these look a little ahead of what is in view.
  const skeletonRendered = () => body.querySelector(':scope > [aria-hidden="true"]') !== null;
  const firstPositionRendered = () => {
    let first = Number.POSITIVE_INFINITY;
    for (const row of body.querySelectorAll<HTMLElement>(':scope > [role=row][data-position]')) {
      first = Math.min(first, Number(row.dataset.position));
    }
    return first;
  };
  const outcome: ScrollOutcome = {
    startedAt: performance.now(),
    endedAt: 0,
    maxDomRows: 0,
    frames: 0,
  };
  while (
    firstPositionRendered() === Number.POSITIVE_INFINITY ||
    firstPositionRendered() < options.rows
  ) {
    if (performance.now() - outcome.startedAt > options.timeoutMs) {
      throw new Error(`scrolled only to row ${firstPositionRendered()}`);
    }
    if (!skeletonRendered()) scroller.scrollTop += options.rowsPerFrame * rowHeight;
    await frame();
    outcome.frames += 1;
    outcome.maxDomRows = Math.max(outcome.maxDomRows, body.children.length);
  }
  outcome.endedAt = performance.now();
  return outcome;
}

/** Rows jumped back up after the scroll, as a fast scrollbar drag or Back to a far place would. */
export const JUMP_ROWS = 2_000;

/**
 * Runs in the page: moves the list `rows` up at once, and times until organization rows (not
 * skeletons) fill the view there.
 */
async function jumpUp(options: { rows: number; timeoutMs: number }): Promise<number> {
  const scroller = document.querySelector<HTMLElement>(
    '[role=region][aria-label="Organizations list"]',
  );
  const body = scroller?.querySelectorAll('[role=table] > [role=rowgroup]')[1];
  if (!scroller || !body) throw new Error('no organizations list');
  const rowHeight =
    scroller.querySelector<HTMLElement>('[role=row][data-position]')?.offsetHeight ?? 44;
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const startedAt = performance.now();
  scroller.scrollTop -= options.rows * rowHeight;
  const target = Math.floor(scroller.scrollTop / rowHeight);
  const inView = Math.floor(scroller.clientHeight / rowHeight) - 1;
  const filled = () => {
    const shown = new Set<number>();
    for (const row of body.querySelectorAll<HTMLElement>(':scope > [role=row][data-position]')) {
      shown.add(Number(row.dataset.position));
    }
    for (let position = target; position < target + inView; position++) {
      if (!shown.has(position)) return false;
    }
    return true;
  };
  while (!filled()) {
    if (performance.now() - startedAt > options.timeoutMs) {
      throw new Error(`rows ${target}… did not show after a jump`);
    }
    await frame();
  }
  return performance.now() - startedAt;
}

export async function measureScrolling(
  browser: Browser,
  listUrl: string,
  cpu: CpuRate,
): Promise<Figure[]> {
  const jumps: number[] = [];
  const longTasks: number[] = [];
  const longestTasks: number[] = [];
  const domRows: number[] = [];
  const heapMb: number[] = [];
  const seconds: number[] = [];
  for (let run = 0; run < SCROLL_RUNS; run++) {
    const context = await newBenchContext(browser);
    const page = await newBenchPage(context, cpu);
    await page.goto(listUrl);
    await waitForListReady(page);
    const outcome = await page.evaluate(scrollRows, {
      rows: SCROLL_ROWS,
      rowsPerFrame: ROWS_PER_FRAME,
      timeoutMs: SCROLL_TIMEOUT_MS,
    });
    const during = (await readProbes(page)).longTasks.filter(
      (task) => task.startTime >= outcome.startedAt && task.startTime <= outcome.endedAt,
    );
    longTasks.push(during.length);
    longestTasks.push(Math.max(0, ...during.map((task) => task.duration)));
    domRows.push(outcome.maxDomRows);
    seconds.push((outcome.endedAt - outcome.startedAt) / 1000);
    jumps.push(await page.evaluate(jumpUp, { rows: JUMP_ROWS, timeoutMs: SCROLL_TIMEOUT_MS }));

    // What stays: garbage collected first, so the figure is the heap the page holds on to.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Chromium reported no JSHeapUsedSize');
    heapMb.push(used / 1e6);
    await context.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  return [
    figureOf({
      ...atCpu(
        cpu,
        'rowsAfterJump',
        `rows in view after a jump of ${JUMP_ROWS.toLocaleString('en')} rows up`,
        { full: 1000, x4: 1000 },
      ),
      unit: 'ms',
      samples: jumps,
      note: `after the scroll, scrollTop moved ${JUMP_ROWS.toLocaleString('en')} rows up at once (rows there dropped long before); until every row in view is an organization row`,
    }),
    figureOf({
      ...atCpu(
        cpu,
        'scrollLongTasks',
        `long tasks (> 50 ms) while scrolling ${SCROLL_ROWS.toLocaleString('en')} rows`,
        { full: 0, x4: 2 },
      ),
      unit: '',
      samples: longTasks,
      note:
        `${ROWS_PER_FRAME} rows a frame, pausing on skeleton rows; a run took a median ` +
        `${median(seconds)?.toFixed(1)} s; longest task per run: ${longestTasks.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    }),
    figureOf({
      ...atCpu(cpu, 'scrollDomRows', 'most DOM rows while scrolling', { full: 80, x4: 80 }),
      unit: '',
      samples: domRows,
      note: 'children of the table body (organization, notice and skeleton rows), sampled every frame',
    }),
    figureOf({
      ...atCpu(
        cpu,
        'heapAfterScroll',
        `JS heap after scrolling ${SCROLL_ROWS.toLocaleString('en')} rows`,
        { full: 80, x4: 80 },
      ),
      unit: 'MB',
      samples: heapMb,
      note: 'JSHeapUsedSize (CDP Performance.getMetrics) after a forced garbage collection; MB = 10^6 bytes',
    }),
  ];
}
