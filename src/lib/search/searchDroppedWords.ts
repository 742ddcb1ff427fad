// Which words of a search the results leave out. The API (Typesense, and the sandbox like it)
// drops words from the right when all of them together match nothing, and says so nowhere in
// its answer; but every hit names the stored tokens it matched (`matchedTokens`). A word typed
// that no hit of the first page matched, exactly, as a prefix or with the typos its length
// allows, was left out.
import type { SearchHitData } from './searchTypes.ts';
import { startsWithTypo, wordsOf } from './typoMatch.ts';

export interface DroppedWords {
  /** The words typed that the results match, in the order typed. */
  kept: string[];
  /** The words typed that no result matches. */
  dropped: string[];
}

/**
 * The words of `query` the hits match and those they do not, or null when every word is
 * matched (or none is: the hits then matched by fields the highlights do not name, and nothing
 * can be said).
 */
export function droppedWords(query: string, hits: readonly SearchHitData[]): DroppedWords | null {
  const typed = query.split(/\s+/).filter((word) => wordsOf(word).length > 0);
  if (typed.length < 2 || hits.length === 0) return null;
  const matched = new Set<string>();
  for (const hit of hits) {
    for (const highlight of hit.highlights) {
      for (const token of highlight.matchedTokens)
        for (const word of wordsOf(token)) matched.add(word);
    }
  }
  const isMatched = (part: string) => [...matched].some((token) => startsWithTypo(token, part));
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const word of typed) (wordsOf(word).some(isMatched) ? kept : dropped).push(word);
  return kept.length === 0 || dropped.length === 0 ? null : { kept, dropped };
}
