// The organizations list's infinite query, under organizationQueries.lists(chatbotId). A module of
// its own so that the lookup page, which uses the rest of the factory but never the list, does
// not carry the list's paging code (lib/organizations/listPaging.ts).
import { infiniteQueryOptions } from '@tanstack/react-query';
import { listOrganizations } from '../../api/organizations/organizations.ts';
import {
  fetchListPage,
  FIRST_LIST_PAGE,
  nextListPageParam,
  previousListPageParam,
  type ListFetcher,
  type ListPage,
  type ListPageParam,
} from '../../lib/organizations/listPaging.ts';
import { organizationQueries } from './organizationQueries.ts';
import { refreshMeta } from './queryMeta.ts';

/** Organizations per list request (tie runs widen it, up to the API's 250). */
export const LIST_PAGE_SIZE = 100;
/** List pages held at once: 500 rows of data, whatever the distance scrolled. */
export const LIST_MAX_PAGES = 5;

/** Fetches one request of the list for `chatbotId` (what the paging logic calls). */
function listFetcher(chatbotId: string): ListFetcher {
  return ({ pageToken, limit }, signal) =>
    listOrganizations({ chatbotId, pageToken, limit }, signal);
}

/** One page of the list at `param`, as `pages` fetches it (a jump to a place seen before). */
export function fetchOrganizationListPage(
  chatbotId: string,
  param: ListPageParam,
  signal?: AbortSignal,
): Promise<ListPage> {
  return fetchListPage(listFetcher(chatbotId), param, LIST_PAGE_SIZE, signal);
}

export const organizationListQueries = {
  /**
   * The organizations list: tie-safe pages (lib/organizations/listPaging.ts), at most
   * LIST_MAX_PAGES of them held (older ones are dropped and fetched again when scrolled back to).
   */
  pages: (chatbotId: string) =>
    infiniteQueryOptions({
      queryKey: [
        ...organizationQueries.lists(chatbotId),
        'pages',
        { pageSize: LIST_PAGE_SIZE },
      ] as const,
      queryFn: ({ pageParam, signal }) => fetchOrganizationListPage(chatbotId, pageParam, signal),
      initialPageParam: FIRST_LIST_PAGE,
      getNextPageParam: nextListPageParam,
      getPreviousPageParam: previousListPageParam,
      maxPages: LIST_MAX_PAGES,
      meta: refreshMeta('organizations'),
    }),
};
