import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import {
  searchOrganizations,
  type SearchOrganizationsResponse,
  type SearchResult,
} from '../api/organizations.ts';
import { presentFacets } from '../lib/searchFacets.ts';
import { presentHit } from '../lib/searchHitFields.ts';
import { nextSearchPage, uniqueHits } from '../lib/searchPaging.ts';
import {
  readSearchParam,
  refineSearchText,
  searchTerm,
  withSearchParam,
} from '../lib/searchQuery.ts';
import { organizationQueries } from './queries/organizationQueries.ts';
import { refreshMeta } from './queries/queryMeta.ts';

/** Hits per page of the organizations page's results. */
export const SEARCH_PAGE_SIZE = 50;
/** Keystrokes closer together than this make one request. */
export const SEARCH_DEBOUNCE_MS = 60;

/** History state of an entry the search box made while typing (replaced by the next keystroke). */
interface SearchHistoryState {
  searchDraft?: boolean;
}

function isDraftEntry(state: unknown): boolean {
  return (state as SearchHistoryState | null)?.searchDraft === true;
}

/**
 * The search text of the organizations page, kept in the URL (`?q=`). Typing creates one history
 * entry and then replaces it with every keystroke; committing (Enter, leaving the box, choosing a
 * facet) keeps that entry, so the next typing starts a new one. Back and forward thus step
 * through the searches the user meant, not through every letter. The URL changing by other
 * means (back, a shared link) sets the box's text.
 */
export function useSearchText() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const urlText = readSearchParam(params);
  const draft = isDraftEntry(location.state);
  const [text, setText] = useState(urlText);
  const [seenUrlText, setSeenUrlText] = useState(urlText);
  if (urlText !== seenUrlText) {
    // The URL moved (our own write or back/forward): the box follows it. Adjusting state while
    // rendering, as React's docs suggest for derived state, avoids an extra stale frame.
    setSeenUrlText(urlText);
    setText(urlText);
  }

  const change = useCallback(
    (next: string) => {
      setText(next);
      setSeenUrlText(next);
      setParams((current) => withSearchParam(current, next), {
        replace: draft,
        state: { searchDraft: true } satisfies SearchHistoryState,
      });
    },
    [draft, setParams],
  );

  const commit = useCallback(() => {
    if (!draft) return;
    setParams((current) => current, { replace: true, state: null });
  }, [draft, setParams]);

  /** Replaces the text with a committed one (a facet refinement, the palette's "show all"). */
  const replaceCommitted = useCallback(
    (next: string) => {
      setText(next);
      setSeenUrlText(next);
      setParams((current) => withSearchParam(current, next), { replace: draft, state: null });
    },
    [draft, setParams],
  );

  const clear = useCallback(() => {
    setText('');
    setSeenUrlText('');
    if (urlText === '') return;
    setParams((current) => withSearchParam(current, ''), { replace: draft, state: null });
  }, [draft, setParams, urlText]);

  const refine = useCallback(
    (value: string) => replaceCommitted(refineSearchText(text, value)),
    [replaceCommitted, text],
  );

  return { text, change, commit, clear, refine };
}

/** Why a search failed, in a person's words (an ApiError's reason names no operation). */
export function errorReason(error: Error): string {
  return isApiError(error) ? error.reason : error.message;
}

/** The results of a 200 response, or its `error` thrown when it carries none. */
export function resultsOf(response: SearchOrganizationsResponse): SearchResult {
  if (response.results === null) {
    throw new Error(response.error ?? 'The server answered without results.');
  }
  return response.results;
}

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
 * The paged search results for a search text (debounced a little; blank text searches nothing).
 * A new text aborts the request of the one before (React Query passes its signal to the API
 * layer) and keeps the older results on screen, marked stale, until the new ones arrive. Pages
 * are the API's responses as they came, in the same shape as `organizationQueries.search`, so a
 * cache update over `organizationQueries.searches(chatbotId)` can treat both alike.
 */
export function useOrganizationSearchResults(chatbotId: string, text: string) {
  const [debouncedText] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const term = searchTerm(debouncedText);
  const currentTerm = searchTerm(text);
  const query = useInfiniteQuery({
    queryKey: [...organizationQueries.searches(chatbotId), 'pages', term, SEARCH_PAGE_SIZE],
    queryFn: ({ pageParam, signal }) =>
      searchOrganizations(
        { chatbotId, query: term ?? '', page: pageParam, pageSize: SEARCH_PAGE_SIZE },
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (lastPage) =>
      lastPage.results === null ? undefined : nextSearchPage(lastPage.results, SEARCH_PAGE_SIZE),
    // After the search was cleared, the next text starts afresh instead of showing the results
    // of a search the user already left.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey.includes(null) ? undefined : previous,
    enabled: term !== null,
    meta: refreshMeta('search results'),
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
      hits: uniqueHits(loaded).map(presentHit),
      /** The server's `error` beside results (a 200 may carry both). */
      notice: pages[0]?.error ?? null,
    };
  }, [pages, settledTerm]);

  const firstPageError = pages?.[0]?.results === null ? pagesError : null;
  return {
    /** The trimmed text the user wants results for, or null (show the list). */
    term: currentTerm,
    results: currentTerm === null || firstPageError !== null ? null : results,
    error: query.isError && !query.isFetchNextPageError ? errorReason(query.error) : firstPageError,
    nextPageError: query.isFetchNextPageError
      ? errorReason(query.error)
      : firstPageError === null
        ? pagesError
        : null,
    isFetching: query.isFetching,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}

/** Hits the quick lookup shows per search. */
export const QUICK_SEARCH_SIZE = 8;

/**
 * The quick lookup's search: the first few hits of a text, through the same query as the
 * organizations page's first page would use, aborting superseded requests the same way.
 */
export function useOrganizationQuickSearch(chatbotId: string | undefined, text: string) {
  const [debouncedText] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const term = searchTerm(debouncedText);
  const query = useQuery({
    ...organizationQueries.search(chatbotId ?? '', term ?? '', 1, QUICK_SEARCH_SIZE),
    placeholderData: keepPreviousData,
    enabled: chatbotId !== undefined && term !== null,
  });
  return { term, query };
}
