// The first page's data, requested before React renders: the list's request then runs while the
// app's code executes and mounts, instead of after (largest contentful paint, first rows).
import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { organizationListQueries } from '../../hooks/queries/organizationListQueries.ts';

/** Starts the query of the page at `location` when it is the organizations list. */
export function prefetchStartPage(
  queryClient: QueryClient,
  location: { pathname: string; search: string },
  listRoute: string,
): void {
  const chatbotId = matchPath(listRoute, location.pathname)?.params.chatbotId;
  // With `?q=` the page shows search results first; the list under them can wait.
  if (chatbotId === undefined || new URLSearchParams(location.search).has('q')) return;
  void queryClient.prefetchInfiniteQuery(organizationListQueries.pages(chatbotId));
}
