// Loading the list page: the code and styles it needs (cold: an empty browser cache), and its
// largest contentful paint once the browser has cached the app (warm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { figureOf, type Figure } from './figures.ts';
import { atCpu, newBenchContext, newBenchPage, waitForListReady, type CpuRate } from './launch.ts';
import {
  loadedResources,
  pathsLoadedBy,
  readProbes,
  type LcpCandidate,
  type Probes,
} from './page-probes.ts';

const COLD_RUNS = 5;
const WARM_RUNS = 9;
/** After the first rows show, LCP candidates may still come (a later, larger paint). */
const LCP_SETTLE_MS = 500;

/** One built file and its size gzipped here (zlib's default level, as a server would send it). */
export interface FileWeight {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageLoadResult {
  figures: Figure[];
  /** The JS files loaded before the list was usable in the first cold run, largest first. */
  jsBeforeUsable: FileWeight[];
  /** The CSS files the list page loaded in the first cold run, largest first. */
  css: FileWeight[];
  lcpElements: string[];
}

export function weighFile(distDir: string, path: string): FileWeight {
  const bytes = readFileSync(join(distDir, decodeURIComponent(path)));
  return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
}

function totalKb(files: readonly FileWeight[]): number {
  return files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1000;
}

async function openList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForListReady(page);
}

/** When the list became usable: its first row in the DOM and React's handlers on it. */
function usableAt(probes: Probes): number {
  if (probes.listUsableAt === null || probes.readyAt === null) {
    throw new Error('the list showed rows but the probe saw none, or React never adopted the page');
  }
  return Math.max(probes.listUsableAt, probes.readyAt);
}

function firstRowPainted(probes: Probes): number {
  if (probes.firstRowPaintedAt === null) {
    throw new Error('Chromium reported no paint of the first row (Element Timing)');
  }
  return probes.firstRowPaintedAt;
}

export async function measurePageLoad(
  browser: Browser,
  listUrl: string,
  distDir: string,
  cpu: CpuRate,
): Promise<PageLoadResult> {
  const jsSamples: number[] = [];
  const cssSamples: number[] = [];
  const coldRows: number[] = [];
  let jsBeforeUsable: FileWeight[] = [];
  let css: FileWeight[] = [];
  // The first load is not measured, as the warm figure's first is not: the first navigation of a
  // just-launched browser to a just-started server also pays for what each of them starts once
  // (the server's first render of the list alone took about 200 ms more than its next one). A
  // user's cold load meets a running browser and a running server, with nothing of the site cached.
  for (let run = -1; run < COLD_RUNS; run++) {
    // A new context has an empty cache: everything comes over the network.
    const context = await newBenchContext(browser);
    const page = await newBenchPage(context, cpu);
    await openList(page, listUrl);
    if (run < 0) {
      await context.close();
      continue;
    }
    const probes = await readProbes(page);
    const usable = usableAt(probes);
    coldRows.push(firstRowPainted(probes));
    // Styles requested later (lazily loaded parts of the page) count too.
    await page.waitForLoadState('networkidle');
    const resources = await loadedResources(page);
    const js = pathsLoadedBy(resources, '.js', usable).map((path) => weighFile(distDir, path));
    const styles = pathsLoadedBy(resources, '.css').map((path) => weighFile(distDir, path));
    jsSamples.push(totalKb(js));
    cssSamples.push(totalKb(styles));
    if (run === 0) {
      jsBeforeUsable = js.sort((a, b) => b.gzipBytes - a.gzipBytes);
      css = styles.sort((a, b) => b.gzipBytes - a.gzipBytes);
    }
    await context.close();
  }

  const lcpSamples: number[] = [];
  const warmRows: number[] = [];
  const openTabRows: number[] = [];
  const readyAt: number[] = [];
  const lcpElements = new Set<string>();
  const context = await newBenchContext(browser);
  // The first load fills the cache (not measured); every later one is a fresh tab.
  for (let run = -1; run < WARM_RUNS; run++) {
    const page = await newBenchPage(context, cpu);
    await openList(page, listUrl);
    await page.waitForTimeout(LCP_SETTLE_MS);
    const probes = await readProbes(page);
    const last: LcpCandidate | undefined = probes.lcp.at(-1);
    // The list loaded again in the tab that shows it (a reload, a link back): the same renderer
    // process, so this figure leaves out the process start-up that the fresh-tab one includes.
    await openList(page, listUrl);
    const inOpenTab = await readProbes(page);
    await page.close();
    if (run < 0) continue;
    warmRows.push(firstRowPainted(probes));
    openTabRows.push(firstRowPainted(inOpenTab));
    readyAt.push(usableAt(probes));
    if (last === undefined) throw new Error('Chromium reported no largest contentful paint');
    lcpSamples.push(last.startTime);
    lcpElements.add(`${last.element}${last.inList ? ' (in the list)' : ' (outside the list)'}`);
  }
  await context.close();

  const fullSpeedOnly = cpu === 1;
  return {
    jsBeforeUsable,
    css,
    lcpElements: [...lcpElements],
    figures: [
      ...(fullSpeedOnly
        ? [
            figureOf({
              id: 'jsBeforeListUsable',
              name: 'JS loaded before the list is usable, gzip',
              unit: 'KB',
              samples: jsSamples,
              budget: 150,
              note: 'cold cache; .js responses finished before the first row was in the DOM and React had adopted the page (console:ready), gzipped (zlib level 6), KB = 1000 bytes',
            }),
            figureOf({
              id: 'cssGzip',
              name: 'CSS of the list page, gzip',
              unit: 'KB',
              samples: cssSamples,
              budget: 30,
              note: 'cold cache; every .css response of the list page until the network is idle',
            }),
          ]
        : []),
      figureOf({
        ...atCpu(cpu, 'firstRowsCold', 'first rows painted, cold', { full: 500, x4: 1200 }),
        unit: 'ms',
        samples: coldRows,
        note: 'empty cache, new context, after one such load not measured (the browser’s and the server’s first); Element Timing of the first row’s name, from navigation start',
      }),
      figureOf({
        ...atCpu(cpu, 'firstRowsWarm', 'first rows painted, warm', { full: 300, x4: 900 }),
        unit: 'ms',
        samples: warmRows,
        note: `fresh tab, app cached; Element Timing of the first row’s name; React had adopted the page at a median ${median(readyAt).toFixed(0)} ms`,
      }),
      figureOf({
        ...atCpu(
          cpu,
          'firstRowsWarmOpenTab',
          'first rows painted, warm, loaded again in its tab',
          {},
        ),
        unit: 'ms',
        samples: openTabRows,
        note: 'the list loaded again in the tab that shows it (same renderer process); reported, no budget: the budget is judged on the fresh tab above',
      }),
      figureOf({
        ...atCpu(cpu, 'lcpWarm', 'largest contentful paint of the list, warm', { full: 400 }),
        unit: 'ms',
        samples: lcpSamples,
        note: `fresh tab, app cached; LCP element: ${[...lcpElements].join('; ')}`,
      }),
    ],
  };
}
