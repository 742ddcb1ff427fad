import { useDebouncedValue } from '@mantine/hooks';
import {
  keepPreviousData,
  useInfiniteQuery,
  useIsFetching,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import type { SearchOrganizationsResponse, SearchResult } from '../api/organizations.ts';
import { presentFacets } from '../lib/searchFacets.ts';
import { presentHit } from '../lib/searchHitFields.ts';
import { uniqueHits } from '../lib/searchPaging.ts';
import {
  readSearchParam,
  refineSearchText,
  searchTerm,
  withSearchParam,
} from '../lib/searchQuery.ts';
import { createValueStore, type ValueStore } from '../lib/valueStore.ts';
import { organizationQueries } from './queries/organizationQueries.ts';

/** In the quick lookup, keystrokes closer together than this make one request. */
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
 * While typing, the URL follows the box once the keys have paused this long. A navigation
 * re-renders everything that reads the location (every link on the page), which is too much
 * work to do between a keystroke and its results.
 */
export const SEARCH_URL_DELAY_MS = 400;

/** The search text of the organizations page and what the user does with it. */
export interface SearchText {
  /** The text in the box; read it with `useSearchTextValue`. */
  store: Pick<ValueStore<string>, 'get' | 'subscribe'>;
  /** Every keystroke. */
  change: (next: string) => void;
  /** Enter or leaving the box: the text is a search the user means (kept in history). */
  commit: () => void;
  clear: () => void;
  /** Narrows the search by a facet value, as a committed search of its own. */
  refine: (value: string) => void;
}

/**
 * The search text of the organizations page, kept in the URL (`?q=`). Typing creates one history
 * entry and then replaces it; committing (Enter, leaving the box, choosing a facet, clearing)
 * keeps that entry, so the next typing starts a new one. Back and forward thus step through the
 * searches the user meant, not through every letter. The URL changing by other means (back,
 * forward, a link such as the quick lookup's "show all") sets the box's text.
 *
 * The text lives in a store, not in the page's state: a keystroke re-renders only what shows
 * the text (`useSearchTextValue`). The URL follows once typing pauses (`SEARCH_URL_DELAY_MS`)
 * or at once when the search is committed. Never read back from the URL while typing: a fast
 * typist must never see a letter taken back by a lagging URL. The returned object is stable.
 */
export function useSearchText(): SearchText {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const urlText = readSearchParam(params);
  const [store] = useState(() => createValueStore(urlText));

  // What the writes need of the latest render, read when they run (after it committed).
  const latest = useRef({ setParams, urlText });
  /** The entry showing is a draft of the typing going on: the next write replaces it. */
  const draft = useRef(searchStateOf(location.state).searchDraft === true);
  const pendingWrite = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seenKey = useRef(location.key);

  useLayoutEffect(() => {
    latest.current = { setParams, urlText };
    if (location.key === seenKey.current) return;
    // A new history entry is showing. Our own writes are already in the box; anything else
    // (back, forward, a link) brings its text, before the browser paints the old one.
    seenKey.current = location.key;
    const entry = searchStateOf(location.state);
    if (navigationType === NavigationType.Pop || entry.searchOwn !== true) {
      clearTimeout(pendingWrite.current);
      pendingWrite.current = undefined;
      draft.current = entry.searchDraft === true;
      store.set(urlText);
    }
  }, [location.key, location.state, navigationType, setParams, store, urlText]);

  // Leaving the page drops a write still waiting: it would navigate from elsewhere.
  useEffect(() => () => clearTimeout(pendingWrite.current), []);

  const [search] = useState<SearchText>(() => {
    const write = (next: string, keepTyping: boolean) => {
      clearTimeout(pendingWrite.current);
      pendingWrite.current = undefined;
      const { setParams: setLatestParams, urlText: shown } = latest.current;
      // Nothing new to keep: the URL shows this text already, as the kind of entry wanted.
      if (next === shown && (keepTyping || !draft.current)) return;
      setLatestParams((current) => withSearchParam(current, next), {
        replace: draft.current,
        state: { searchOwn: true, searchDraft: keepTyping } satisfies SearchHistoryState,
      });
      draft.current = keepTyping;
    };
    return {
      store,
      change(next) {
        store.set(next);
        clearTimeout(pendingWrite.current);
        pendingWrite.current = setTimeout(() => write(store.get(), true), SEARCH_URL_DELAY_MS);
      },
      commit() {
        if (pendingWrite.current !== undefined || draft.current) write(store.get(), false);
      },
      clear() {
        store.set('');
        write('', false);
      },
      refine(value) {
        const next = refineSearchText(store.get(), value);
        store.set(next);
        write(next, false);
      },
    };
  });
  return search;
}

/** The text in the search box; re-renders the caller with every keystroke. */
export function useSearchTextValue(search: SearchText): string {
  // The server renders the text the URL gives, as the browser's first render does.
  return useSyncExternalStore(search.store.subscribe, search.store.get, search.store.get);
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
      hits: uniqueHits(loaded).map(presentHit),
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

/**
 * How long a search may take before the page says it is waiting (dims the older results, shows a
 * spinner). Most answers come sooner; saying so for each keystroke would flash the page.
 */
export const SEARCH_WAIT_NOTICE_MS = 200;

/**
 * `term` once it has stayed the same for `SEARCH_WAIT_NOTICE_MS`, else null: the search the user
 * has been kept waiting for. Pass null when nothing is awaited. A new term starts the wait anew.
 */
export function useLateSearch(term: string | null): string | null {
  const [late, setLate] = useState<string | null>(null);
  useEffect(() => {
    if (term === null) return;
    const timer = setTimeout(() => setLate(term), SEARCH_WAIT_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [term]);
  return term !== null && late === term ? term : null;
}

/**
 * Whether the organizations page's search has kept the user waiting (a page of results loading
 * for longer than `SEARCH_WAIT_NOTICE_MS`).
 */
export function useSearchBusy(chatbotId: string, text: string): boolean {
  const fetching = useIsFetching({ queryKey: organizationQueries.searchPagesAll(chatbotId) }) > 0;
  return useLateSearch(fetching ? searchTerm(text) : null) !== null;
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
