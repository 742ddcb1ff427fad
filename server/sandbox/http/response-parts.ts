// The JSON texts of the list and search responses in parts, for slicedBody (sliced-body.ts):
// joined, each is exactly what `c.json(...)` (JSON.stringify) would send for the same page.
import type { SearchPage } from '../search/types.ts';

/** `{"organizations":[...]}` around the page's parts (OrganizationStore.listJsonParts). */
export function* listResponseParts(
  pageParts: Iterable<string>,
): Generator<string, void, undefined> {
  yield '{"organizations":';
  yield* pageParts;
  yield '}';
}

/** `{"results":{...}}`, each hit highlighted and serialised when its part is taken. */
export function* searchResponseParts(page: SearchPage): Generator<string, void, undefined> {
  // The key order of SearchOrganizationResultDto as SearchIndex.search builds it.
  const head = JSON.stringify({ facetCounts: page.facetCounts, found: page.found });
  yield `{"results":${head.slice(0, -1)},"hits":[`;
  for (let i = 0; i < page.hitCount; i++) {
    const hit = JSON.stringify(page.hit(i));
    yield i === 0 ? hit : `,${hit}`;
  }
  // After the hits: searchTimeMs counts their work.
  const tail = JSON.stringify({
    outOf: page.outOf,
    page: page.page,
    searchTimeMs: page.searchTimeMs(),
  });
  yield `],${tail.slice(1)}}`;
}
