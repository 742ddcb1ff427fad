// The lookup page's search: either what the person typed (the quick lookup's search, debounced a
// little, the previous results kept on screen meanwhile), or — before anyone types — the searches a
// hint asks for (lib/lookup/lookupTerms.ts: a company, an e-mail's domain, the address), all sent
// at once, the first that finds anything shown.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SearchOrganizationsResponse } from '../../api/organizations/organizations.ts';
import { presentHit, type PresentedHit } from '../../lib/search/searchHitFields.ts';
import {
  chooseTerm,
  organizationMatchesTerm,
  type LookupTerm,
} from '../../lib/lookup/lookupTerms.ts';
import { searchTerm } from '../../lib/search/searchQuery.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';
import { errorReason } from '../../lib/search/searchErrors.ts';
import {
  QUICK_SEARCH_SIZE,
  useOrganizationQuickSearch,
} from '../search/useOrganizationQuickSearch.ts';

export interface LookupSearch {
  /** Nothing to search for (no text, no hint): the page shows pins and recent ones. */
  idle: boolean;
  /** No answer for the text on screen yet (skeletons, or the previous results dimmed). */
  loading: boolean;
  /** The text the hits answer (for a hint: the term that found them); null when none yet. */
  term: string | null;
  hits: PresentedHit[];
  found: number;
  /** Why the search failed, in words. */
  error: string | null;
}

function resultsOf(response: SearchOrganizationsResponse | undefined) {
  return response?.results ?? null;
}

/** A hint's search asks for more hits than it shows: those without the domain are dropped. */
export const HINT_SEARCH_SIZE = 20;

/**
 * A hint's hits that carry its term (lib/lookup/lookupTerms.ts), at most as many as the quick
 * lookup.
 */
function hintHits(response: SearchOrganizationsResponse | undefined, term: LookupTerm) {
  return (resultsOf(response)?.hits ?? [])
    .filter((hit) => organizationMatchesTerm(hit.organization, term))
    .slice(0, QUICK_SEARCH_SIZE);
}

/** `hintTerms`: the hint's searches (while nobody typed), else null; `text`: what was typed. */
export function useLookupSearch(
  chatbotId: string,
  hintTerms: readonly LookupTerm[] | null,
  text: string,
): LookupSearch {
  const hintQueries = useQueries({
    queries: (hintTerms ?? []).map((term) =>
      organizationQueries.search(chatbotId, term.query, 1, HINT_SEARCH_SIZE),
    ),
  });
  const typed = useOrganizationQuickSearch(hintTerms === null ? chatbotId : undefined, text);

  const found = hintQueries.map((query, index) => {
    const term = hintTerms?.[index];
    if (query.isError || term === undefined) return 0;
    if (query.data === undefined) return undefined;
    return term.kind === 'text'
      ? (resultsOf(query.data)?.found ?? 0)
      : hintHits(query.data, term).length;
  });
  const chosen = hintTerms === null ? undefined : chooseTerm(hintTerms, found);
  const chosenIndex = chosen ? (hintTerms?.indexOf(chosen) ?? -1) : -1;
  const chosenResponse = chosenIndex >= 0 ? hintQueries[chosenIndex]?.data : undefined;
  const hintError = hintQueries.find((query) => query.isError)?.error ?? null;

  const typedResults = resultsOf(typed.query.data);
  const typedResponse = hintTerms === null ? typed.query.data : undefined;
  const hits = useMemo(
    () =>
      chosen
        ? hintHits(chosenResponse, chosen).map(presentHit)
        : (resultsOf(typedResponse)?.hits.map(presentHit) ?? []),
    [chosen, chosenResponse, typedResponse],
  );

  if (hintTerms !== null) {
    return {
      idle: hintTerms.length === 0,
      loading: chosen === undefined,
      term: chosen?.text ?? null,
      hits,
      found: chosen ? (found[chosenIndex] ?? 0) : 0,
      // Said only when nothing was found anywhere: a failing term must not hide another's hits.
      error: chosen === null && hintError !== null ? errorReason(hintError) : null,
    };
  }
  const waiting =
    searchTerm(text) !== null && (typed.query.isFetching || searchTerm(text) !== typed.term);
  const error = typed.query.isError
    ? errorReason(typed.query.error)
    : typed.query.data !== undefined && typedResults === null
      ? (typed.query.data.error ?? 'The server answered without results.')
      : null;
  return {
    idle: searchTerm(text) === null,
    loading: waiting,
    term: typed.query.isPlaceholderData ? null : typed.term,
    hits,
    found: typedResults?.found ?? 0,
    error,
  };
}
