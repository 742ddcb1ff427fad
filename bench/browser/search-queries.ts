import type { SearchOrganizationResultDto } from '../../server/sandbox/types.ts';
import type { QueryMix } from '../lib/query-mix.ts';

type SearchBody = { results: SearchOrganizationResultDto };

/** At most `count` items taken evenly across `items`, the first always among them. */
export function takeEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor((i * items.length) / count)] as T,
  );
}

/** Whether a search answer has something to highlight on its first page. */
export function hasHighlightedHit(results: SearchOrganizationResultDto): boolean {
  return results.hits.some((hit) =>
    (hit.highlights ?? []).some((highlight) => (highlight.snippet ?? '').includes('<mark>')),
  );
}

/**
 * Search texts for the browser: one, two and three words in equal parts from the mix, each
 * distinct, and only those whose results carry highlights (the figure waits for a `<mark>`;
 * `*` and texts that match nothing have none).
 */
export async function chooseSearchQueries(
  api: string,
  mix: QueryMix,
  count: number,
): Promise<string[]> {
  const highlights = async (term: string) => {
    const url = `${api}/search?query=${encodeURIComponent(term)}&page=1&pageSize=50`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return hasHighlightedHit(((await response.json()) as SearchBody).results);
  };
  const kinds = [mix.oneWord, mix.twoWords, mix.threeWords];
  const chosen = new Set<string>();
  for (const [index, texts] of kinds.entries()) {
    const quota =
      Math.round(((index + 1) * count) / kinds.length) - Math.round((index * count) / kinds.length);
    // Spread over the sample first; the rest only stand in for texts without highlights.
    const candidates = new Set([...takeEvenly(texts, quota * 2), ...texts].map((t) => t.trim()));
    let taken = 0;
    for (const term of candidates) {
      if (taken >= quota) break;
      if (term === '' || chosen.has(term) || !(await highlights(term))) continue;
      chosen.add(term);
      taken += 1;
    }
  }
  if (chosen.size < count) throw new Error(`only ${chosen.size} search texts have highlights`);
  return [...chosen];
}
