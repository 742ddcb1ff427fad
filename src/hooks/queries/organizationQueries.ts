// One key factory for the organizations domain, general to specific, each key next to the
// function that fetches it (queryOptions) so they never drift apart:
//
//   ['organizations']                                            all()
//   ['organizations', chatbotId]                                 chatbot(chatbotId)
//   ['organizations', chatbotId, 'list']                         lists(chatbotId)
//   ['organizations', chatbotId, 'list', 'pages', {pageSize}]    organizationListQueries.pages(c)
//                                                                (organizationListQueries.ts)
//   ['organizations', chatbotId, 'search']                       searches(chatbotId)
//   ['organizations', chatbotId, 'search', 'pages']              searchPagesAll(chatbotId)
//   ['organizations', chatbotId, 'search', 'pages', term, size]  searchPages(…) (infinite)
//   ['organizations', chatbotId, 'search', 'page']               searchPageAll(chatbotId)
//   ['organizations', chatbotId, 'search', 'page', {query, page, pageSize}]  search(…)
//   ['organizations', chatbotId, 'search', 'total']              total(chatbotId)
//   ['organizations', chatbotId, 'detail']                       details(chatbotId)
//   ['organizations', chatbotId, 'detail', id]                   detail(chatbotId, id)
//   ['organizations', chatbotId, 'detail', id, 'contacts']       contacts(chatbotId, id)
//   ['organizations', chatbotId, 'detail', id, 'contacts', 'count']  contactsCount(chatbotId, id)
//
// Invalidating a prefix reaches everything below it: `lists(c)` every list page of chatbot c,
// `searches(c)` every search, `detail(c, id).queryKey` the organization with its contacts.
// Each prefix below `searches(c)` holds one data shape only (pages, one page, the total), so the
// cache updates of organizationCache.ts can address each shape by its prefix, typed.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  countOrganizationContacts,
  listOrganizationContacts,
} from '../../api/organizations/contacts.ts';
import { getConsoleConfig } from '../../api/shell/consoleConfig.ts';
import { getOrganization, searchOrganizations } from '../../api/organizations/organizations.ts';
import { nextSearchPage } from '../../lib/search/searchPaging.ts';
import { refreshMeta } from './queryMeta.ts';

/** Hits per page of the organizations page's results. */
export const SEARCH_PAGE_SIZE = 50;

const DOMAIN = 'organizations';

const keys = {
  all: () => [DOMAIN] as const,
  chatbot: (chatbotId: string) => [DOMAIN, chatbotId] as const,
  lists: (chatbotId: string) => [DOMAIN, chatbotId, 'list'] as const,
  searches: (chatbotId: string) => [DOMAIN, chatbotId, 'search'] as const,
  details: (chatbotId: string) => [DOMAIN, chatbotId, 'detail'] as const,
  detail: (chatbotId: string, organizationId: string) =>
    [DOMAIN, chatbotId, 'detail', organizationId] as const,
  searchPagesAll: (chatbotId: string) => [DOMAIN, chatbotId, 'search', 'pages'] as const,
  searchPageAll: (chatbotId: string) => [DOMAIN, chatbotId, 'search', 'page'] as const,
  contacts: (chatbotId: string, organizationId: string) =>
    [...keys.detail(chatbotId, organizationId), 'contacts'] as const,
};

export const organizationQueries = {
  /** Every organization query of every chatbot. */
  all: keys.all,
  /** Every organization query of one chatbot. */
  chatbot: keys.chatbot,
  /** Prefix of the paged list's keys (data: `InfiniteData<ListPage>`). */
  lists: keys.lists,
  /** Prefix of every search of one chatbot (pages, single pages and the total). */
  searches: keys.searches,
  /** Prefix of every paged search (data: `InfiniteData<SearchOrganizationsResponse>`). */
  searchPagesAll: keys.searchPagesAll,
  /** Prefix of every single search page (data: `SearchOrganizationsResponse`). */
  searchPageAll: keys.searchPageAll,
  /** Prefix of every organization detail of one chatbot. */
  details: keys.details,

  /** The paged results of one search text (the organizations page); null searches nothing. */
  searchPages: (chatbotId: string, term: string | null) =>
    infiniteQueryOptions({
      queryKey: [...keys.searchPagesAll(chatbotId), term, SEARCH_PAGE_SIZE] as const,
      queryFn: ({ pageParam, signal }) =>
        searchOrganizations(
          { chatbotId, query: term ?? '', page: pageParam, pageSize: SEARCH_PAGE_SIZE },
          signal,
        ),
      initialPageParam: 1,
      getNextPageParam: (lastPage) =>
        lastPage.results === null ? undefined : nextSearchPage(lastPage.results, SEARCH_PAGE_SIZE),
      meta: refreshMeta('search results'),
    }),

  /** One page of a search (the quick lookup, the lookup page, hits' first page). */
  search: (chatbotId: string, query: string, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...keys.searchPageAll(chatbotId), { query, page, pageSize }] as const,
      queryFn: ({ signal }) => searchOrganizations({ chatbotId, query, page, pageSize }, signal),
      meta: refreshMeta('search results'),
    }),

  /**
   * How many organizations the chatbot has: the search engine's `outOf` (a `*` search for one
   * hit), the same figure the search results name. Under `searches`, so writes mark it stale.
   */
  total: (chatbotId: string) =>
    queryOptions({
      queryKey: [...keys.searches(chatbotId), 'total'] as const,
      queryFn: async ({ signal }) => {
        const response = await searchOrganizations(
          { chatbotId, query: '*', page: 1, pageSize: 1 },
          signal,
        );
        return response.results?.outOf ?? null;
      },
      meta: refreshMeta('the number of organizations'),
    }),

  detail: (chatbotId: string, organizationId: string) =>
    queryOptions({
      queryKey: keys.detail(chatbotId, organizationId),
      queryFn: ({ signal }) => getOrganization({ chatbotId, organizationId }, signal),
      meta: refreshMeta('the organization'),
    }),

  contacts: (chatbotId: string, organizationId: string) =>
    queryOptions({
      queryKey: keys.contacts(chatbotId, organizationId),
      queryFn: ({ signal }) => listOrganizationContacts({ chatbotId, organizationId }, signal),
      meta: refreshMeta('contacts'),
    }),

  contactsCount: (chatbotId: string, organizationId: string) =>
    queryOptions({
      queryKey: [...keys.contacts(chatbotId, organizationId), 'count'] as const,
      queryFn: ({ signal }) => countOrganizationContacts({ chatbotId, organizationId }, signal),
      meta: refreshMeta('the contact count'),
    }),
};

/** The console server's settings: fixed while the page is open. */
export const consoleConfigQuery = () =>
  queryOptions({
    queryKey: ['console', 'config'] as const,
    queryFn: ({ signal }) => getConsoleConfig(signal),
    staleTime: Infinity,
    meta: refreshMeta('the console settings'),
  });
