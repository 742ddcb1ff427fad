import type { SearchHitData, SearchResultData } from './searchTypes.ts';

/**
 * The page after `lastPage`, or undefined when every found hit has been fetched. An empty page
 * also ends the results, so a server whose `found` overstates its hits cannot make the client
 * ask for pages forever.
 */
export function nextSearchPage(lastPage: SearchResultData, pageSize: number): number | undefined {
  if (lastPage.hits.length === 0) return undefined;
  return lastPage.page * pageSize < lastPage.found ? lastPage.page + 1 : undefined;
}

/**
 * The hits of all fetched pages in order, each organization once: a write between two page
 * requests can shift hits from one page onto the next, and a row shown twice would be a lie.
 */
export function uniqueHits(pages: readonly SearchResultData[]): SearchHitData[] {
  const seen = new Set<string>();
  const hits: SearchHitData[] = [];
  for (const page of pages) {
    for (const hit of page.hits) {
      if (seen.has(hit.organization.id)) continue;
      seen.add(hit.organization.id);
      hits.push(hit);
    }
  }
  return hits;
}
