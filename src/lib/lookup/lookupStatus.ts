// The line under the lookup's search box (read out politely): what the search found, for a hint's
// terms (lib/lookup/lookupTerms.ts) or for what was typed.
import type { LookupTerm } from './lookupTerms.ts';

/** Where the lookup's search stands (hooks/lookup/useLookupSearch.ts), as the line needs it. */
export interface LookupSearchState {
  idle: boolean;
  loading: boolean;
  error: string | null;
  /** The text the hits answer (for a hint: the term that found them); null when none yet. */
  term: string | null;
  found: number;
  /** How many hits are on screen. */
  shown: number;
}

/** “a”, “a” or “b”, “a”, “b” or “c”. */
export function describeTerms(terms: readonly LookupTerm[]): string {
  const quoted = terms.map((term) => `“${term.text}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * The status line; null when there is nothing to say (no search, or its error is said in place of
 * the results). `hintTerms`: the hint's searches while nobody typed, else null; `text`: what was
 * typed.
 */
export function lookupStatus(
  search: LookupSearchState,
  hintTerms: readonly LookupTerm[] | null,
  text: string,
): string | null {
  if (search.idle) return null;
  if (search.error !== null) return null;
  if (search.loading && search.shown === 0) return 'Searching…';
  if (hintTerms !== null) {
    if (search.term === null) return `Nothing found for ${describeTerms(hintTerms)}.`;
    const chosenAt = hintTerms.findIndex((term) => term.text === search.term);
    const others = hintTerms.slice(0, chosenAt);
    const note = others.length > 0 ? ` (nothing for ${describeTerms(others)})` : '';
    return `${search.found.toLocaleString('en')} found for “${search.term}”${note}.`;
  }
  if (search.loading) return 'Searching…';
  return search.found === 0
    ? `No organization matches “${text.trim()}”. Try part of the name, a domain or a city.`
    : `${search.found.toLocaleString('en')} found${search.found > search.shown ? `, the best ${search.shown} shown` : ''}.`;
}
