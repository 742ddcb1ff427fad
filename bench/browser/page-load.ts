// Loading the list page: the code and styles it needs (cold: an empty browser cache), and its
// largest contentful paint once the browser has cached the app (warm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { figureOf, type Figure } from './figures.ts';
import { newBenchContext } from './launch.ts';
import { loadedResources, pathsLoadedBy, readProbes, type LcpCandidate } from './page-probes.ts';

const COLD_RUNS = 3;
const WARM_RUNS = 9;
/** After the first rows show, LCP candidates may still come (a later, larger paint). */
const LCP_SETTLE_MS = 500;
const ROWS = '[role=table][aria-label="Organizations"] [role=row][data-position]';

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
  await page.locator(ROWS).first().waitFor({ state: 'visible', timeout: 60_000 });
}

export async function measurePageLoad(
  browser: Browser,
  listUrl: string,
  distDir: string,
): Promise<PageLoadResult> {
  const jsSamples: number[] = [];
  const cssSamples: number[] = [];
  let jsBeforeUsable: FileWeight[] = [];
  let css: FileWeight[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    // A new context has an empty cache: everything comes over the network.
    const context = await newBenchContext(browser);
    const page = await context.newPage();
    await openList(page, listUrl);
    const usableAt = (await readProbes(page)).listUsableAt;
    if (usableAt === null) throw new Error('the list showed rows but the probe saw none');
    // Styles requested later (lazily loaded parts of the page) count too.
    await page.waitForLoadState('networkidle');
    const resources = await loadedResources(page);
    const js = pathsLoadedBy(resources, '.js', usableAt).map((path) => weighFile(distDir, path));
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
  const rowsAt: number[] = [];
  const lcpElements = new Set<string>();
  const context = await newBenchContext(browser);
  // The first load fills the cache (not measured); every later one is a fresh tab.
  for (let run = -1; run < WARM_RUNS; run++) {
    const page = await context.newPage();
    await openList(page, listUrl);
    await page.waitForTimeout(LCP_SETTLE_MS);
    const probes = await readProbes(page);
    const last: LcpCandidate | undefined = probes.lcp.at(-1);
    await page.close();
    if (run < 0) continue;
    if (probes.listUsableAt !== null) rowsAt.push(probes.listUsableAt);
    if (last === undefined) throw new Error('Chromium reported no largest contentful paint');
    lcpSamples.push(last.startTime);
    lcpElements.add(`${last.element}${last.inList ? ' (in the list)' : ' (outside the list)'}`);
  }
  await context.close();

  return {
    jsBeforeUsable,
    css,
    lcpElements: [...lcpElements],
    figures: [
      figureOf({
        id: 'jsBeforeListUsable',
        name: 'JS loaded before the list is usable, gzip',
        unit: 'KB',
        samples: jsSamples,
        budget: 150,
        note: 'cold cache; .js responses finished before the first row entered the DOM, gzipped (zlib level 6), KB = 1000 bytes',
      }),
      figureOf({
        id: 'cssGzip',
        name: 'CSS of the list page, gzip',
        unit: 'KB',
        samples: cssSamples,
        budget: 30,
        note: 'cold cache; every .css response of the list page until the network is idle',
      }),
      figureOf({
        id: 'lcpWarm',
        name: 'largest contentful paint of the list, warm',
        unit: 'ms',
        samples: lcpSamples,
        budget: 400,
        note:
          `fresh tab, app cached; LCP element: ${[...lcpElements].join('; ')}; ` +
          `first rows in the DOM at a median ${median(rowsAt).toFixed(0)} ms`,
      }),
    ],
  };
}
