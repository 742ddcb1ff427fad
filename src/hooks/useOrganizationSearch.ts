import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
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
export const SEARCH_DEBOUNCE_MS = 40;

/** History state of the entries the search box writes. */
interface SearchHistoryState {
  /** Written by the search box (its own write: the box already shows the text). */
  searchOwn: true;
  /** Made while typing and not yet committed: the next keystroke replaces it. */
  searchDraft: boolean;
}

function searchStateOf(state: unknown): Partial<SearchHistoryState> {
  return typeof state === 'object' && state !== null ? (state as Partial<SearchHistoryState>) : {};
}

/**
 * The search text of the organizations page, kept in the URL (`?q=`). Typing creates one history
 * entry and then replaces it with every keystroke; committing (Enter, leaving the box, choosing a
 * facet) keeps that entry, so the next typing starts a new one. Back and forward thus step
 * through the searches the user meant, not through every letter. The URL changing by other
 * means (back, forward, a link such as the quick lookup's "show all") sets the box's text.
 *
 * The box's text is React state, not read back from the URL: the router applies navigations a
 * moment later, and a fast typist must never see a letter taken back by a lagging URL.
 */
export function useSearchText() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const urlText = readSearchParam(params);
  const [text, setText] = useState(urlText);
  const [draft, setDraft] = useState(searchStateOf(location.state).searchDraft === true);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    // A new history entry is showing. Our own writes are already in the box; anything else
    // (back, forward, a link) brings its text. Adjusting state while rendering, as React's docs
    // suggest for state derived from a change, avoids a frame with the old text.
    setSeenKey(location.key);
    const entry = searchStateOf(location.state);
    if (navigationType === NavigationType.Pop || entry.searchOwn !== true) {
      setText(urlText);
      setDraft(entry.searchDraft === true);
    }
  }

  const write = useCallback(
    (next: string, { keepTyping }: { keepTyping: boolean }) => {
      setParams((current) => withSearchParam(current, next), {
        replace: draft,
        state: { searchOwn: true, searchDraft: keepTyping } satisfies SearchHistoryState,
      });
      setDraft(keepTyping);
    },
    [draft, setParams],
  );

  const change = useCallback(
    (next: string) => {
      setText(next);
      write(next, { keepTyping: true });
    },
    [write],
  );

  const commit = useCallback(() => {
    if (draft) write(text, { keepTyping: false });
  }, [draft, text, write]);

  const clear = useCallback(() => {
    setText('');
    if (text !== '' || urlText !== '') write('', { keepTyping: false });
  }, [text, urlText, write]);

  /** Narrows the search by a facet value, as a committed search of its own. */
  const refine = useCallback(
    (value: string) => {
      const next = refineSearchText(text, value);
      setText(next);
      write(next, { keepTyping: false });
    },
    [text, write],
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
  // Stable, so the memoized results list does not re-render on every keystroke.
  const { fetchNextPage: fetchNext, refetch } = query;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);
  const retry = useCallback(() => void refetch(), [refetch]);
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
    fetchNextPage,
    retry,
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
