// Opening an organization from the list: from the click on its name to the moment the browser
// presented the frame that painted its page's heading (Element Timing's renderTime of the heading
// OrganizationPage.tsx marks; the heading comes with the page's tabs, in one render). Not cached:
// the first visit of each (its data is fetched); cached: the same organizations again (their data
// is in the query cache).
import type { Page } from '@playwright/test';
import { atCpu, waitForListReady, type CpuRate } from './launch.ts';
import { figureOf, type Figure } from './figures.ts';

const ORGANIZATIONS = 10;
const ROWS = '[role=table][aria-label="Organizations"] [role=row][data-position]';
const PAINT_TIMEOUT_MS = 15_000;

/** The Element Timing name of the organization page's heading (OrganizationPage.tsx). */
const HEADING_TIMING = 'organization-heading';

interface OpenWatch {
  clickedAt: number;
  paintedAt: Promise<number>;
}

/**
 * Runs in the page before the click: keeps the click's time and resolves `paintedAt` with the
 * renderTime of the Element Timing entry of the heading with `target.name` (when the frame that
 * painted it was presented). Each opening mounts a new page and so a new heading, which the
 * browser reports once; the observer, not buffered, sees only this opening's. The heading must
 * show on the organization's path with its tab panel, or the opening fails.
 */
function watchOpen(target: { name: string; path: string; timing: string }): void {
  const watch = { clickedAt: Number.NaN } as OpenWatch;
  window.addEventListener(
    'click',
    (event) => {
      watch.clickedAt = event.timeStamp;
    },
    { capture: true, once: true },
  );
  watch.paintedAt = new Promise<number>((resolve, reject) => {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        identifier: string;
        renderTime: number;
        element: Element | null;
      })[]) {
        if (entry.identifier !== target.timing) continue;
        if ((entry.element?.textContent ?? '').trim() !== target.name) continue;
        observer.disconnect();
        if (window.location.pathname !== target.path) {
          reject(new Error(`the heading was painted at ${window.location.pathname}`));
        } else if (document.querySelector('[role=tabpanel]') === null) {
          reject(new Error('the heading was painted without the tab panel'));
        } else {
          resolve(entry.renderTime);
        }
        return;
      }
    });
    observer.observe({ type: 'element', buffered: false });
  });
  (window as unknown as { __benchOpen: OpenWatch }).__benchOpen = watch;
}

async function openOnce(page: Page, target: { name: string; path: string }): Promise<number> {
  await page.evaluate(watchOpen, { ...target, timing: HEADING_TIMING });
  await page.locator(`${ROWS} a[href="${target.path}"]`).click();
  const ms = await page.evaluate(async (timeoutMs) => {
    const watch = (window as unknown as { __benchOpen: OpenWatch }).__benchOpen;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the organization did not show')), timeoutMs),
    );
    return (await Promise.race([watch.paintedAt, timeout])) - watch.clickedAt;
  }, PAINT_TIMEOUT_MS);
  await page.goBack();
  await page.locator(`${ROWS} a[href="${target.path}"]`).waitFor({ state: 'visible' });
  return ms;
}

/** Organizations in view whose names are plain enough to find again in the heading. */
async function targetsInView(page: Page): Promise<{ name: string; path: string }[]> {
  const links = await page.locator(`${ROWS} a`).evaluateAll((elements) =>
    elements.map((element) => ({
      name: (element.textContent ?? '').trim(),
      path: element.getAttribute('href') ?? '',
      top: element.getBoundingClientRect().top,
    })),
  );
  const viewportHeight = page.viewportSize()?.height ?? 0;
  return links
    .filter((link) => link.top > 0 && link.top < viewportHeight - 40)
    .filter((link) => /^[\p{L}\p{N} .,&'()-]+$/u.test(link.name) && link.path !== '')
    .slice(0, ORGANIZATIONS);
}

export async function measureOpenOrganization(
  page: Page,
  listUrl: string,
  cpu: CpuRate,
): Promise<Figure[]> {
  await page.goto(listUrl);
  await waitForListReady(page);
  const targets = await targetsInView(page);
  if (targets.length < 3) throw new Error(`only ${targets.length} organizations to open in view`);
  const notCached: number[] = [];
  for (const target of targets) notCached.push(await openOnce(page, target));
  const cached: number[] = [];
  for (const target of targets) cached.push(await openOnce(page, target));
  return [
    figureOf({
      ...atCpu(
        cpu,
        'openOrganizationCached',
        `open an organization from the list, cached (${targets.length} organizations)`,
        { full: 30, x4: 100 },
      ),
      unit: 'ms',
      samples: cached,
      note: 'second visit: its data and the page code are in the browser; click to the presented frame that painted its heading (Element Timing renderTime)',
    }),
    figureOf({
      ...atCpu(
        cpu,
        'openOrganizationNotCached',
        `open an organization from the list, not cached (${targets.length} organizations)`,
        { full: 200 },
      ),
      unit: 'ms',
      samples: notCached,
      note: 'first visit: its data is fetched; the first one also loads the page code; click to the presented frame that painted its heading (Element Timing renderTime)',
    }),
  ];
}
