// The organizations page's search results: the paged results of a text
// (useOrganizationSearchResults) and their prefetch from the keystroke. The search text itself is useSearchText.ts, the waiting
// notice useSearchBusy.ts, the quick lookup's search useOrganizationQuickSearch.ts; they are
// re-exported here for the search components that import them from this module.
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { presentFacets } from '../../lib/search/searchFacets.ts';
import { errorReason, resultsOf } from '../../lib/search/searchErrors.ts';
import { uniqueHits } from '../../lib/search/searchPaging.ts';
import { searchTerm } from '../../lib/search/searchQuery.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

export { errorReason, resultsOf } from '../../lib/search/searchErrors.ts';
export {
  QUICK_SEARCH_SIZE,
  SEARCH_DEBOUNCE_MS,
  useOrganizationQuickSearch,
} from './useOrganizationQuickSearch.ts';
export { SEARCH_WAIT_NOTICE_MS, useLateSearch, useSearchBusy } from './useSearchBusy.ts';
export {
  SEARCH_URL_DELAY_MS,
  useSearchText,
  useSearchTextValue,
  type SearchText,
} from './useSearchText.ts';

/**
 * The text whose data is on screen: the current term once its data has arrived; while a newer
 * term loads (kept-previous placeholder data) still the older one. So old results are never
 * passed off as the answer to the new text.
 */
function useSettledTerm(term: string | null, hasData: boolean, isPlaceholderData: boolean) {
  const [settled, setSettled] = useState<string | null>(null);
  if (hasData && !isPlaceholderData && term !== settled) setSettled(term);
  return settled;
}

/**
 * Starts the search for a text right away, from the keystroke's event handler: the request is
 * on its way while React renders the keystroke, rather than after (the results hook would start
 * it from an effect once the render committed). The hook then takes over the same request, and
 * aborts it like any other once a newer text supersedes it.
 */
export function useSearchPrefetch(chatbotId: string): (text: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (text: string) => {
      const term = searchTerm(text);
      if (term !== null)
        void queryClient.prefetchInfiniteQuery(organizationQueries.searchPages(chatbotId, term));
    },
    [chatbotId, queryClient],
  );
}

/**
 * The paged search results for a search text (blank text searches nothing). Every keystroke
 * searches at once, with no debounce: a new text aborts the request of the one before (React
 * Query passes its signal to the API layer), so a fast typist costs the server a few quick
 * searches and waits for nothing. Older results stay on screen, marked stale, until the new
 * ones arrive. Pages are the API's responses as they came (`organizationQueries.searchPages`).
 */
export function useOrganizationSearchResults(chatbotId: string, text: string) {
  const term = searchTerm(text);
  const query = useInfiniteQuery({
    ...organizationQueries.searchPages(chatbotId, term),
    // After the search was cleared, the next text starts afresh instead of showing the results
    // of a search the user already left.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey.includes(null) ? undefined : previous,
    enabled: term !== null,
  });
  const settledTerm = useSettledTerm(term, query.data !== undefined, query.isPlaceholderData);

  const pages = query.data?.pages;
  const pagesError = useMemo(() => {
    try {
      pages?.forEach(resultsOf);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }, [pages]);
  const results = useMemo(() => {
    const first = pages?.[0]?.results;
    if (!pages || !first || settledTerm === null) return null;
    const loaded = pages.flatMap((page) => (page.results ? [page.results] : []));
    return {
      query: settledTerm,
      found: first.found,
      outOf: first.outOf,
      searchTimeMs: first.searchTimeMs,
      facets: presentFacets(first.facetCounts),
      /** Presented (highlights, matched fields) by the results panel, whose chunk has that code. */
      hits: uniqueHits(loaded),
      /** For the words of the search the results leave out (the API drops them to find any). */
      firstPageHits: first.hits,
      /** The server's `error` beside results (a 200 may carry both). */
      notice: pages[0]?.error ?? null,
    };
  }, [pages, settledTerm]);

  const firstPageError = pages?.[0]?.results === null ? pagesError : null;
  // Stable, so the memoized results list does not re-render on every keystroke.
  const { fetchNextPage: fetchNext, refetch } = query;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);
  const retry = useCallback(() => void refetch(), [refetch]);
  return {
    /** The trimmed text the user wants results for, or null (show the list). */
    term,
    results: term === null || firstPageError !== null ? null : results,
    error: query.isError && !query.isFetchNextPageError ? errorReason(query.error) : firstPageError,
    nextPageError: query.isFetchNextPageError
      ? errorReason(query.error)
      : firstPageError === null
        ? pagesError
        : null,
    isFetching: query.isFetching,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage,
    retry,
  };
}
