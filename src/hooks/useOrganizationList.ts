// The organizations list as an infinite query: tie-safe pages (lib/listPaging.ts), at most
// LIST_MAX_PAGES of them held (older ones are dropped and fetched again when scrolled back to).
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listOrganizations } from '../api/organizations.ts';
import {
  fetchListPage,
  FIRST_LIST_PAGE,
  listWindow,
  nextListPageParam,
  previousListPageParam,
  type ListFetcher,
} from '../lib/listPaging.ts';
import { organizationQueries } from './queries/organizationQueries.ts';
import { refreshMeta } from './queries/queryMeta.ts';
import { useAfterHydration } from './useAfterHydration.ts';

/** Organizations per request (tie runs widen it, up to the API's 250). */
export const LIST_PAGE_SIZE = 100;
/** Pages held at once: 500 rows of data, whatever the distance scrolled. */
export const LIST_MAX_PAGES = 5;

/** Fetches one request of the list for `chatbotId` (what the paging logic calls). */
function listFetcher(chatbotId: string): ListFetcher {
  return ({ pageToken, limit }, signal) =>
    listOrganizations({ chatbotId, pageToken, limit }, signal);
}

export function organizationListQuery(chatbotId: string) {
  return infiniteQueryOptions({
    queryKey: [...organizationQueries.lists(chatbotId), 'pages', { pageSize: LIST_PAGE_SIZE }],
    queryFn: ({ pageParam, signal }) =>
      fetchListPage(listFetcher(chatbotId), pageParam, LIST_PAGE_SIZE, signal),
    initialPageParam: FIRST_LIST_PAGE,
    getNextPageParam: nextListPageParam,
    getPreviousPageParam: previousListPageParam,
    maxPages: LIST_MAX_PAGES,
    meta: refreshMeta('organizations'),
  });
}

export function useOrganizationList(chatbotId: string) {
  const options = organizationListQuery(chatbotId);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  // While React adopts the server's HTML (the list's loading frame), the list shows no data, even
  // if the first page has already arrived: that render must match the server's.
  const hydrated = useAfterHydration(() => true, false);
  const data = hydrated ? query.data : undefined;
  const isPending = !hydrated || query.isPending;
  const pages = data?.pages;
  const view = useMemo(() => listWindow(pages ?? []), [pages]);

  // How far the list is known to reach, kept when the last pages are dropped (scrolling back up
  // with LIST_MAX_PAGES held): the scroll height and the count do not shrink, and the rows down
  // there come back when scrolled to. Starts again when the list does (a reset, another chatbot).
  const [reach, setReach] = useState({ chatbotId, endIndex: 0, loadedCount: 0 });
  const restarted = reach.chatbotId !== chatbotId || isPending;
  const endIndex = restarted ? view.endIndex : Math.max(reach.endIndex, view.endIndex);
  const loadedCount = restarted ? view.loadedCount : Math.max(reach.loadedCount, view.loadedCount);
  if (
    reach.chatbotId !== chatbotId ||
    reach.endIndex !== endIndex ||
    reach.loadedCount !== loadedCount
  ) {
    // Adjusting state while rendering (React's pattern for values derived from changing data).
    setReach({ chatbotId, endIndex, loadedCount });
  }
  const { fetchNextPage, fetchPreviousPage, refetch } = query;
  const queryKey = options.queryKey;

  // End: the pages are fetched one after another to the end of the list (the API can only page
  // forward from the newest), the oldest held as scrolling would hold them; stopped by a failure,
  // an outage or `stopGoingToEnd`.
  const [goingToEnd, setGoingToEnd] = useState(false);
  const paused = query.fetchStatus === 'paused';
  const nextFailed = query.isFetchNextPageError;
  const busy = query.isFetching;
  const hasNext = query.hasNextPage;
  const loaded = data !== undefined;
  if (goingToEnd && loaded && (!hasNext || nextFailed || paused)) {
    // Reached, failed or waiting for the server: the walk stops (adjusting state while rendering).
    setGoingToEnd(false);
  }
  const walking = goingToEnd && loaded && hasNext && !nextFailed && !paused;
  // Each page that arrives asks for the next (a quick answer may never show `busy` in a render).
  const pagesVersion = query.dataUpdatedAt;
  useEffect(() => {
    if (walking && !busy) void fetchNextPage({ cancelRefetch: false });
  }, [walking, busy, pagesVersion, fetchNextPage]);

  return {
    ...view,
    /** Position after the last row known (held, or dropped below the held ones). */
    knownEndIndex: endIndex,
    /** Organizations loaded from the top to the furthest row reached. */
    loadedCount,
    /** True until the first page arrives (skeleton rows). */
    isPending,
    /** The first page failed: nothing to show but the error. */
    error: hydrated && query.isError && !query.data ? query.error : null,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    nextPageError: query.isFetchNextPageError ? query.error : null,
    hasPreviousPage: query.hasPreviousPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    previousPageError: query.isFetchPreviousPageError ? query.error : null,
    /** The whole list is loaded (a short or empty page ended it). */
    ended: data !== undefined && !query.hasNextPage,
    /** A request waits for the console server to be reachable again. */
    isPaused: paused,
    /** End was pressed: pages are being fetched to the end of the list. */
    goingToEnd: walking || (goingToEnd && !loaded),
    goToEnd: useCallback(() => setGoingToEnd(true), []),
    stopGoingToEnd: useCallback(() => setGoingToEnd(false), []),
    loadNext: useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]),
    loadPrevious: useCallback(
      () => void fetchPreviousPage({ cancelRefetch: false }),
      [fetchPreviousPage],
    ),
    retry: useCallback(() => void refetch(), [refetch]),
    /** Starts again from the newest organizations (dropping the pages held). */
    restartFromTop: useCallback(
      () => void queryClient.resetQueries({ queryKey, exact: true }),
      // The key is rebuilt each render but only changes with the chatbot.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [queryClient, chatbotId],
    ),
  };
}
