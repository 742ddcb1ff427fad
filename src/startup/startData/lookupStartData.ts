// The lookup page's data sent with it: when its address carries a hint (`?q=`, `?name=`,
// `?email=`), the console server runs the hint's searches (lib/lookup/lookupTerms.ts) with the
// page, so the first result is on screen as soon as the lookup's script has run, without a request.
// The server records them (lookupPrerender.tsx, through prerender.tsx's `loadStartData`);
// lookupMain.tsx replays them here. A module of its own: the lookup's small bundle does not carry
// the console pages' start data (startup/startData/startData.ts), nor their first JS this.
import { LOOKUP_PATH_PATTERN, lookupChatbotOf } from '../../routes.ts';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiTransport } from '../../api/client.ts';
import { searchOrganizations } from '../../api/organizations/organizations.ts';
import { hintFromSearchParams, lookupTerms } from '../../lib/lookup/lookupTerms.ts';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { replayStartData, type StartData } from './startDataWire.ts';
import { HINT_SEARCH_SIZE } from '../../hooks/lookup/useLookupSearch.ts';

/** The lookup page's searches: one per term of its hint (each query once). */
export interface LookupStartPage {
  kind: 'lookup';
  chatbotId: string;
  queries: string[];
}

function parse(url: string) {
  return new URL(url, 'http://console.invalid');
}

/** Whether `url` (path and query) is the lookup page. */
export function isLookupUrl(url: string): boolean {
  return LOOKUP_PATH_PATTERN.test(parse(url).pathname);
}

/** The searches of the lookup page at `url`; undefined when it has no hint (or is no lookup). */
export function lookupStartPageOf(url: string): LookupStartPage | undefined {
  const { pathname, searchParams } = parse(url);
  const chatbotId = lookupChatbotOf(pathname);
  if (chatbotId === undefined) return undefined;
  const queries = [...new Set(lookupTerms(hintFromSearchParams(searchParams)).map((t) => t.query))];
  return queries.length === 0 ? undefined : { kind: 'lookup', chatbotId, queries };
}

/**
 * Runs the page's searches through `transport` (src/api's function, as the page's own queries
 * would) and puts each answer in `queryClient` under the key the page reads it from
 * (hooks/lookup/useLookupSearch.ts). Throws when any fails: nothing is put then.
 */
export async function fillLookupStart(
  queryClient: QueryClient,
  page: LookupStartPage,
  transport: ApiTransport,
  signal?: AbortSignal,
): Promise<void> {
  const { chatbotId } = page;
  const answers = await Promise.all(
    page.queries.map((query) =>
      searchOrganizations(
        { chatbotId, query, page: 1, pageSize: HINT_SEARCH_SIZE },
        signal,
        transport,
      ),
    ),
  );
  for (const [index, answer] of answers.entries()) {
    const options = organizationQueries.search(
      chatbotId,
      page.queries[index]!,
      1,
      HINT_SEARCH_SIZE,
    );
    queryClient.setQueryData(options.queryKey, answer);
  }
}

/**
 * Puts the searches the server sent with the lookup page at `url` into the cache; false when it
 * sent none or they do not fit the page (the page then searches as it would without).
 */
export function adoptLookupStartData(
  queryClient: QueryClient,
  url: string,
  data: StartData | undefined,
): Promise<boolean> {
  const page = lookupStartPageOf(url);
  return replayStartData(
    data,
    page && ((transport) => fillLookupStart(queryClient, page, transport)),
  );
}

/** Without the server's answers: starts the page's searches now, before React renders it. */
export function prefetchLookupStart(queryClient: QueryClient, url: string): void {
  const page = lookupStartPageOf(url);
  if (page === undefined) return;
  for (const query of page.queries) {
    void queryClient.prefetchQuery(
      organizationQueries.search(page.chatbotId, query, 1, HINT_SEARCH_SIZE),
    );
  }
}
