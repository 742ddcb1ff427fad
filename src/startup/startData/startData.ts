// The first page's data, fetched by the console server with the page and embedded in its HTML
// (server/page-html.ts), so the browser shows it without asking for it again. The server runs the
// same query functions as the browser (through src/api, over a transport that asks the console's
// own app) and records each answer; the browser replays those answers through the same functions,
// so both fill the cache with identical data under the same keys (the factory's).
import { ROUTES } from '../../routes.ts';
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import type { ApiTransport } from '../../api/client.ts';
import { getOrganization, listOrganizations } from '../../api/organizations/organizations.ts';
import {
  fetchListPage,
  FIRST_LIST_PAGE,
  type ListFetcher,
} from '../../lib/organizations/listPaging.ts';
import { readSearchParam, searchTerm } from '../../lib/search/searchQuery.ts';
import { searchOrganizations } from '../../api/organizations/organizations.ts';
import {
  LIST_PAGE_SIZE,
  organizationListQueries,
} from '../../hooks/queries/organizationListQueries.ts';
import { organizationQueries, SEARCH_PAGE_SIZE } from '../../hooks/queries/organizationQueries.ts';
import { replayStartData, type StartData } from './startDataWire.ts';

export {
  START_DATA_ELEMENT_ID,
  readStartData,
  recordingTransport,
  replayTransport,
  type RecordedAnswer,
  type StartData,
} from './startDataWire.ts';

/** Which page's data the server sends with it: the list, a search's first page, an organization. */
export type StartPage =
  | { kind: 'list'; chatbotId: string }
  | { kind: 'search'; chatbotId: string; term: string }
  | { kind: 'organization'; chatbotId: string; organizationId: string };

/** The page at `url` (path and query) whose data is sent with it, or undefined for none. */
export function startPageOf(url: string): StartPage | undefined {
  const { pathname, searchParams } = new URL(url, 'http://console.invalid');
  // matchRoutes decodes the path as the app's router does, so the ids are the ones its pages use.
  const list = matchRoutes([{ path: ROUTES.organizations }], pathname)?.[0]?.params;
  if (list?.chatbotId !== undefined) {
    const chatbotId = list.chatbotId;
    const term = searchTerm(readSearchParam(searchParams));
    return term === null ? { kind: 'list', chatbotId } : { kind: 'search', chatbotId, term };
  }
  const organization = matchRoutes([{ path: ROUTES.organization }], pathname)?.[0]?.params;
  const { chatbotId, organizationId, tab } = organization ?? {};
  if (chatbotId === undefined || organizationId === undefined || organizationId === 'new') {
    return undefined;
  }
  // Only the tabs that exist: any other path is the not-found page, which needs no data.
  if (tab !== undefined && tab !== 'contacts' && tab !== 'edit') return undefined;
  return { kind: 'organization', chatbotId, organizationId };
}

/**
 * Fetches the data of `page` through `transport` with src/api's functions and puts it in
 * `queryClient` under the factory's keys. Throws when any request fails (nothing is put then).
 */
export async function fillStartPage(
  queryClient: QueryClient,
  page: StartPage,
  transport: ApiTransport,
  signal?: AbortSignal,
): Promise<void> {
  const { chatbotId } = page;
  switch (page.kind) {
    case 'list': {
      const fetcher: ListFetcher = ({ pageToken, limit }, fetchSignal) =>
        listOrganizations({ chatbotId, pageToken, limit }, fetchSignal, transport);
      const first = await fetchListPage(fetcher, FIRST_LIST_PAGE, LIST_PAGE_SIZE, signal);
      queryClient.setQueryData(organizationListQueries.pages(chatbotId).queryKey, {
        pages: [first],
        pageParams: [FIRST_LIST_PAGE],
      });
      return;
    }
    case 'search': {
      const { term } = page;
      const first = await searchOrganizations(
        { chatbotId, query: term, page: 1, pageSize: SEARCH_PAGE_SIZE },
        signal,
        transport,
      );
      queryClient.setQueryData(organizationQueries.searchPages(chatbotId, term).queryKey, {
        pages: [first],
        pageParams: [1],
      });
      return;
    }
    case 'organization': {
      const { organizationId } = page;
      const organization = await getOrganization({ chatbotId, organizationId }, signal, transport);
      queryClient.setQueryData(
        organizationQueries.detail(chatbotId, organizationId).queryKey,
        organization,
      );
      return;
    }
  }
}

/**
 * Puts the embedded data of the page at `url` into the browser's cache (checked by src/api as
 * any answer is); false when there is none or it does not fit the page, and the page then
 * fetches its data as it would without.
 */
export function adoptStartData(
  queryClient: QueryClient,
  url: string,
  data: StartData | undefined,
): Promise<boolean> {
  const page = startPageOf(url);
  return replayStartData(
    data,
    page && ((transport) => fillStartPage(queryClient, page, transport)),
  );
}
