// The first page's data, fetched by the console server with the page and embedded in its HTML
// (server/page-html.ts), so the browser shows it without asking for it again. The server runs the
// same query functions as the browser (through src/api, over a transport that asks the console's
// own app) and records each answer; the browser replays those answers through the same functions,
// so both fill the cache with identical data under the same keys (the factory's).
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import type { ApiTransport } from '../api/client.ts';
import { getOrganization, listOrganizations } from '../api/organizations.ts';
import { fetchListPage, FIRST_LIST_PAGE, type ListFetcher } from '../lib/listPaging.ts';
import { readSearchParam, searchTerm } from '../lib/searchQuery.ts';
import { searchOrganizations } from '../api/organizations.ts';
import { organizationQueries } from './queries/organizationQueries.ts';
import { LIST_PAGE_SIZE, organizationListQuery } from './useOrganizationList.ts';
import { SEARCH_PAGE_SIZE, searchPagesQuery } from './useOrganizationSearch.ts';

/** The id of the `<script type="application/json">` that carries the data in the page. */
export const START_DATA_ELEMENT_ID = 'console-start-data';

/** One answer of the API as the server received it (2xx only). */
export interface RecordedAnswer {
  /** The request's URL as src/api built it (path and query). */
  url: string;
  status: number;
  body: unknown;
}

/** What the server embeds: the answers its render used, and its clock at that render. */
export interface StartData {
  version: 1;
  /** The server's `Date.now()` at the render: relative times must read the same in the browser. */
  nowMs: number;
  /** Whether the HTML in #root was rendered with these answers (the browser adopts it). */
  rendered: boolean;
  answers: RecordedAnswer[];
}

/** Which page's data the server sends with it: the list, a search's first page, an organization. */
export type StartPage =
  | { kind: 'list'; chatbotId: string }
  | { kind: 'search'; chatbotId: string; term: string }
  | { kind: 'organization'; chatbotId: string; organizationId: string };

const LIST_PATH = '/chatbots/:chatbotId/organizations';
const ORGANIZATION_PATH = '/chatbots/:chatbotId/organizations/:organizationId/:tab?';

/** The page at `url` (path and query) whose data is sent with it, or undefined for none. */
export function startPageOf(url: string): StartPage | undefined {
  const { pathname, searchParams } = new URL(url, 'http://console.invalid');
  // matchRoutes decodes the path as the app's router does, so the ids are the ones its pages use.
  const list = matchRoutes([{ path: LIST_PATH }], pathname)?.[0]?.params;
  if (list?.chatbotId !== undefined) {
    const chatbotId = list.chatbotId;
    const term = searchTerm(readSearchParam(searchParams));
    return term === null ? { kind: 'list', chatbotId } : { kind: 'search', chatbotId, term };
  }
  const organization = matchRoutes([{ path: ORGANIZATION_PATH }], pathname)?.[0]?.params;
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
      queryClient.setQueryData(organizationListQuery(chatbotId).queryKey, {
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
      queryClient.setQueryData(searchPagesQuery(chatbotId, term).queryKey, {
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

/** A transport that asks `send` and keeps a copy of every 2xx JSON answer in `answers`. */
export function recordingTransport(send: ApiTransport, answers: RecordedAnswer[]): ApiTransport {
  return async (url, init) => {
    const response = await send(url, init);
    if (!response.ok) return response;
    const text = await response.text();
    try {
      answers.push({ url, status: response.status, body: JSON.parse(text) as unknown });
    } catch {
      // Not JSON: src/api refuses it below, and the page is then sent without data.
    }
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

/** A transport that answers from `answers` only; any other request fails (nothing is fetched). */
export function replayTransport(answers: readonly RecordedAnswer[]): ApiTransport {
  const byUrl = new Map(answers.map((answer) => [answer.url, answer]));
  return (url, init) => {
    const answer = byUrl.get(url);
    if (answer === undefined || (init.method ?? 'GET') !== 'GET') {
      return Promise.reject(new Error(`${url} is not in the page's data`));
    }
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
}

/** Reads what the server embedded in the page (undefined when none, or unreadable). */
export function readStartData(document: Document): StartData | undefined {
  const element = document.getElementById(START_DATA_ELEMENT_ID);
  if (element === null) return undefined;
  try {
    const data = JSON.parse(element.textContent ?? '') as Partial<StartData> | null;
    if (data?.version !== 1 || !Array.isArray(data.answers)) return undefined;
    return data as StartData;
  } catch {
    return undefined;
  }
}

/**
 * Puts the embedded data of the page at `url` into the browser's cache (checked by src/api as
 * any answer is); false when there is none or it does not fit the page, and the page then
 * fetches its data as it would without.
 */
export async function adoptStartData(
  queryClient: QueryClient,
  url: string,
  data: StartData | undefined,
): Promise<boolean> {
  const page = startPageOf(url);
  if (data === undefined || page === undefined) return false;
  try {
    await fillStartPage(queryClient, page, replayTransport(data.answers));
    return true;
  } catch {
    return false;
  }
}
