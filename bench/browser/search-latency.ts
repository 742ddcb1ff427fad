// Search as you type on the organizations page: from the last keystroke of a query to the frame
// after the highlighted results of exactly that text are in the DOM.
import type { Page } from '@playwright/test';
import { atCpu, waitForListReady, type CpuRate } from './launch.ts';
import { figureOf, type Figure } from './figures.ts';

export const SEARCH_QUERIES = 40;
/** Milliseconds between keystrokes: a quick typist, slower than the page's 60 ms debounce. */
const TYPING_DELAY_MS = 100;
const RESULT_TIMEOUT_MS = 15_000;

interface SearchWatch {
  lastKeyAt: number;
  paintedAt: Promise<number>;
}

/**
 * Runs in the page before typing: keeps the time of every keystroke in the search box and resolves
 * `paintedAt` two frames after the results for `term` are in the DOM (a summary naming `term`,
 * results not marked stale, a `<mark>` among them): the first frame renders them, the second
 * starts after that frame was painted.
 */
function watchSearch(term: string): void {
  const box = document.querySelector<HTMLInputElement>('input[aria-label="Search organizations"]');
  if (box === null) throw new Error('no search box');
  const isDone = () => {
    const results = document.querySelector('[role=list][aria-label="Search results"]');
    if (results === null || results.querySelector('mark') === null) return false;
    if (results.closest('[data-stale]') !== null) return false;
    // "… match “term”", or, when the engine dropped words to find any, "No match for all words;
    // showing matches for “…” (“…” left out)", which names every word of the term.
    return [...document.querySelectorAll('[role=status]')].some((status) => {
      const text = status.textContent ?? '';
      if (text.includes(`match “${term}”`)) return true;
      return (
        text.includes('No match for all words') &&
        term.split(/\s+/).every((word) => text.includes(word))
      );
    });
  };
  const watch = { lastKeyAt: Number.NaN } as SearchWatch;
  // A keystroke is the keydown that led to an input event; characters that Playwright types
  // without a key of the US layout ("ş", Arabic letters) arrive as an input event alone, so then
  // the input event's own time counts (clocking from an earlier keydown would add typing time).
  let keydownAt: number | undefined;
  box.addEventListener('keydown', (event) => {
    keydownAt = event.timeStamp;
  });
  box.addEventListener('input', (event) => {
    watch.lastKeyAt = keydownAt ?? event.timeStamp;
    keydownAt = undefined;
  });
  watch.paintedAt = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!isDone()) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-stale'],
    });
  });
  (window as unknown as { __benchSearch: SearchWatch }).__benchSearch = watch;
}

async function searchLatency(page: Page, query: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search organizations' });
  await box.fill('');
  await page.getByRole('list', { name: 'Search results' }).waitFor({ state: 'detached' });
  await page.locator('[role=row][data-position]').first().waitFor({ state: 'visible' });
  await page.evaluate(watchSearch, query.trim());
  await box.pressSequentially(query, { delay: TYPING_DELAY_MS });
  return page.evaluate(async (timeoutMs) => {
    const watch = (window as unknown as { __benchSearch: SearchWatch }).__benchSearch;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('results did not show')), timeoutMs),
    );
    return (await Promise.race([watch.paintedAt, timeout])) - watch.lastKeyAt;
  }, RESULT_TIMEOUT_MS);
}

/** The time to highlighted results for each query, typed into the box one after another. */
export async function measureSearchLatency(
  page: Page,
  listUrl: string,
  queries: readonly string[],
  cpu: CpuRate,
): Promise<{ figure: Figure; slowest: { query: string; ms: number }[] }> {
  await page.goto(listUrl);
  await waitForListReady(page);
  const measured: { query: string; ms: number }[] = [];
  for (const query of queries) {
    try {
      measured.push({ query, ms: await searchLatency(page, query) });
    } catch (error) {
      throw new Error(`search for "${query}": ${(error as Error).message}`);
    }
  }
  return {
    slowest: [...measured].sort((a, b) => b.ms - a.ms).slice(0, 5),
    figure: figureOf({
      ...atCpu(
        cpu,
        'searchToHighlightedResults',
        `last keystroke → highlighted results painted (${queries.length} queries)`,
        { full: 60, x4: 200 },
      ),
      unit: 'ms',
      samples: measured.map((sample) => sample.ms),
      budgetOn: 'p95',
      note: `typed at ${TYPING_DELAY_MS} ms per key into the search box from an empty box; includes any debounce the page has`,
    }),
  };
}
