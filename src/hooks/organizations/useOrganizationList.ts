// The organizations list as an infinite query (organizationListQueries.pages): tie-safe pages,
// at most LIST_MAX_PAGES of them held (older ones are dropped and fetched again when scrolled
// back to).
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { listWindow, type ListPageParam } from '../../lib/organizations/listPaging.ts';
import {
  fetchOrganizationListPage,
  organizationListQueries,
} from '../queries/organizationListQueries.ts';
import { useServerRender } from '../shell/useServerRender.ts';
import { useAfterHydration } from '../shell/useAfterHydration.ts';

export function useOrganizationList(chatbotId: string) {
  const options = organizationListQueries.pages(chatbotId);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  // While React adopts the server's HTML, the list shows what that HTML shows: the first page
  // when the server rendered it with its data (the same data is then in this cache), else the
  // loading frame, even if the first page has already arrived.
  const renderedWithData = useServerRender() !== null;
  const hydrated = useAfterHydration(() => true, renderedWithData);
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

  // Where each page seen so far starts, and the param that fetches it: a jump far from the held
  // pages (a scrollbar drag, Back to a far place) fetches the page there directly instead of
  // every page in between. The API's pageToken is a time, not a position, so only places the
  // list has been to can be reached this way; Home starts again from the newest (restartFromTop).
  const seenPages = useRef({ chatbotId, byStart: new Map<number, ListPageParam>() });
  useEffect(() => {
    if (seenPages.current.chatbotId !== chatbotId) {
      seenPages.current = { chatbotId, byStart: new Map() };
    }
    for (const page of pages ?? []) {
      const { until: _until, ...param } = page.param;
      seenPages.current.byStart.set(page.startIndex, { ...param, startIndex: page.startIndex });
    }
  }, [pages, chatbotId]);
  const jumping = useRef(false);
  const jumpTo = useCallback(
    (position: number): boolean => {
      if (jumping.current) return true;
      let target: ListPageParam | undefined;
      for (const [start, param] of seenPages.current.byStart) {
        if (start <= position && (target === undefined || start > target.startIndex)) {
          target = param;
        }
      }
      if (target === undefined) return false;
      const param = target;
      jumping.current = true;
      void (async () => {
        try {
          // The pages on their way (the neighbours of the place left) are not wanted any more.
          await queryClient.cancelQueries({ queryKey, exact: true });
          const page = await fetchOrganizationListPage(chatbotId, param);
          queryClient.setQueryData(queryKey, { pages: [page], pageParams: [param] });
        } catch {
          // The list pages there one by one as it would have (and says so when that fails).
        } finally {
          jumping.current = false;
        }
      })();
      return true;
    },
    // The key is rebuilt each render but only changes with the chatbot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, chatbotId],
  );

  return {
    ...view,
    /**
     * Shows the rows around `position`, far from the held ones, by fetching the page seen there
     * before; false when no page starting at or above it has been seen (page one by one then).
     */
    jumpTo,
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
