// What the benchmark records inside the page, from the first script on: the moment the list is
// usable, largest-contentful-paint candidates and long tasks, all on the page's performance.now()
// clock. Installed with `context.addInitScript(installProbes)`, read with `readProbes(page)`.
import type { Page } from '@playwright/test';

export interface LcpCandidate {
  startTime: number;
  size: number;
  /** Tag and the start of the text, e.g. `div "Organizations"`. */
  element: string;
  /** The element is inside the organizations list (not the header or toolbar). */
  inList: boolean;
}

export interface LongTask {
  startTime: number;
  duration: number;
}

export interface Probes {
  /** When the first organization row entered the DOM; null until it does. */
  listUsableAt: number | null;
  /** When the first row's name was painted (Element Timing `first-organization-row`). */
  firstRowPaintedAt: number | null;
  /** When React had adopted or rendered the page (main.tsx's `console:ready` mark). */
  readyAt: number | null;
  lcp: LcpCandidate[];
  longTasks: LongTask[];
}

/** Runs in the page before its own scripts (serialised by Playwright: no outer references). */
export function installProbes(): void {
  const probes: Probes = {
    listUsableAt: null,
    firstRowPaintedAt: null,
    readyAt: null,
    lcp: [],
    longTasks: [],
  };
  (window as unknown as { __benchProbes: Probes }).__benchProbes = probes;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      size: number;
      element: Element | null;
    })[]) {
      const element = entry.element;
      const text = (element?.textContent ?? '').trim().slice(0, 40);
      probes.lcp.push({
        startTime: entry.startTime,
        size: entry.size,
        element: element ? `${element.tagName.toLowerCase()} "${text}"` : '(removed)',
        inList: element?.closest('[aria-label="Organizations list"]') != null,
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probes.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      identifier: string;
      renderTime: number;
      loadTime: number;
    })[]) {
      if (entry.identifier === 'first-organization-row' && probes.firstRowPaintedAt === null) {
        probes.firstRowPaintedAt = entry.renderTime || entry.loadTime || entry.startTime;
      }
    }
  }).observe({ type: 'element', buffered: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'console:ready' && probes.readyAt === null)
        probes.readyAt = entry.startTime;
    }
  }).observe({ type: 'mark', buffered: true });

  const rowSelector = '[role=table][aria-label="Organizations"] [role=row][data-position]';
  const observer = new MutationObserver(() => {
    if (probes.listUsableAt === null && document.querySelector(rowSelector) !== null) {
      probes.listUsableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(() => (window as unknown as { __benchProbes: Probes }).__benchProbes);
}

/** One file the page fetched (from the Resource Timing entries). */
export interface LoadedResource {
  /** Path on the server, e.g. `/assets/index-abc.js`. */
  path: string;
  /** When its last byte arrived, on the page's performance.now() clock. */
  responseEnd: number;
}

/** The page's fetched files, in the order they finished. */
export async function loadedResources(page: Page): Promise<LoadedResource[]> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      responseEnd: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  return entries
    .map((entry) => ({ path: new URL(entry.name).pathname, responseEnd: entry.responseEnd }))
    .sort((a, b) => a.responseEnd - b.responseEnd);
}

/**
 * The distinct paths ending in `extension` whose last byte arrived by `until` (the page's clock);
 * every such path when `until` is undefined.
 */
export function pathsLoadedBy(
  resources: readonly LoadedResource[],
  extension: string,
  until?: number,
): string[] {
  const paths = resources
    .filter((resource) => resource.path.endsWith(extension))
    .filter((resource) => until === undefined || resource.responseEnd <= until)
    .map((resource) => resource.path);
  return [...new Set(paths)];
}
