// Every cache update a write of an organization makes, in one place, typed by the shape each of
// the factory's prefixes holds (organizationQueries.ts):
//
//   lists(c)           InfiniteData<ListPage>                    organizationListQueries.pages
//   searchPagesAll(c)  InfiniteData<SearchOrganizationsResponse> searchPages (the results page)
//   searchPageAll(c)   SearchOrganizationsResponse               search (quick lookup, lookup)
//   total(c)           number | null                             total
//   detail(c, id)      OrganizationResponse                      detail
//
// No key is written here that the factory does not build, and no data is inspected to guess its
// shape: each prefix holds one shape by construction.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  Organization,
  OrganizationResponse,
  SearchHit,
  SearchOrganizationsResponse,
  SearchResult,
} from '../../api/organizations/organizations.ts';
import type { ListPage, ListPageParam } from '../../lib/organizations/listPaging.ts';
import { organizationQueries } from './organizationQueries.ts';

type ListData = InfiniteData<ListPage, ListPageParam>;
type SearchPagesData = InfiniteData<SearchOrganizationsResponse, number>;

/** Applies `change` to the pages of every cached list of the chatbot. */
function updateListPages(
  queryClient: QueryClient,
  chatbotId: string,
  change: (pages: ListPage[]) => ListPage[],
) {
  queryClient.setQueriesData<ListData>(
    { queryKey: organizationQueries.lists(chatbotId) },
    (data) => (data ? { ...data, pages: change(data.pages) } : data),
  );
}

/**
 * Rewrites the hits of every cached search of the chatbot: the results page's infinite pages and
 * the single pages of the quick lookup and the lookup page. `found` is lowered by the hits a
 * change removed, so counts stay honest until refetched.
 */
function updateSearchHits(
  queryClient: QueryClient,
  chatbotId: string,
  change: (hits: SearchHit[]) => SearchHit[],
) {
  const rewriteResults = (results: SearchResult): SearchResult => {
    const hits = change(results.hits);
    const removed = results.hits.length - hits.length;
    return { ...results, hits, found: Math.max(0, results.found - Math.max(0, removed)) };
  };
  const rewrite = (response: SearchOrganizationsResponse): SearchOrganizationsResponse =>
    response.results ? { ...response, results: rewriteResults(response.results) } : response;
  queryClient.setQueriesData<SearchPagesData>(
    { queryKey: organizationQueries.searchPagesAll(chatbotId) },
    (data) => (data ? { ...data, pages: data.pages.map(rewrite) } : data),
  );
  queryClient.setQueriesData<SearchOrganizationsResponse>(
    { queryKey: organizationQueries.searchPageAll(chatbotId) },
    (data) => (data ? rewrite(data) : data),
  );
}

/** Moves every page after `fromPage` by `delta` rows, so positions stay continuous. */
function shiftPagesAfter(pages: ListPage[], fromPage: number, delta: number): ListPage[] {
  return pages.map((page, index) =>
    index > fromPage
      ? {
          ...page,
          startIndex: page.startIndex + delta,
          param: { ...page.param, startIndex: page.param.startIndex + delta },
        }
      : page,
  );
}

/** The chatbot's organization count follows a create (+1) or a delete (-1) until refetched. */
function adjustTotal(queryClient: QueryClient, chatbotId: string, delta: number) {
  queryClient.setQueryData(organizationQueries.total(chatbotId).queryKey, (total) =>
    typeof total === 'number' ? Math.max(0, total + delta) : total,
  );
}

/** Marks every search stale without refetching: snippets and ranking depend on the text. */
export function markSearchesStale(queryClient: QueryClient, chatbotId: string) {
  return queryClient.invalidateQueries({
    queryKey: organizationQueries.searches(chatbotId),
    refetchType: 'none',
  });
}

/** Puts the server's answer for one organization in its detail cache. */
export function setCachedDetail(
  queryClient: QueryClient,
  chatbotId: string,
  response: OrganizationResponse,
) {
  if (!response.organization) return;
  queryClient.setQueryData(
    organizationQueries.detail(chatbotId, response.organization.id).queryKey,
    response,
  );
}

/** Shows `next` wherever the chatbot's caches hold that organization: detail, lists, searches. */
export function replaceCachedOrganization(
  queryClient: QueryClient,
  chatbotId: string,
  next: Organization,
) {
  queryClient.setQueryData(organizationQueries.detail(chatbotId, next.id).queryKey, (data) => ({
    ...data,
    organization: next,
  }));
  updateListPages(queryClient, chatbotId, (pages) =>
    pages.map((page) => ({
      ...page,
      rows: page.rows.map((row) =>
        row.kind === 'organization' && row.organization.id === next.id
          ? { ...row, organization: next }
          : row,
      ),
    })),
  );
  updateSearchHits(queryClient, chatbotId, (hits) =>
    hits.map((hit) => (hit.organization.id === next.id ? { ...hit, organization: next } : hit)),
  );
}

/**
 * A created organization: its detail, the top of the cached list (only a list that starts at the
 * newest can take it), the count +1; searches marked stale (it may match some).
 */
export function addCreatedOrganization(
  queryClient: QueryClient,
  chatbotId: string,
  response: OrganizationResponse,
) {
  const created = response.organization;
  if (!created) return;
  adjustTotal(queryClient, chatbotId, 1);
  setCachedDetail(queryClient, chatbotId, response);
  updateListPages(queryClient, chatbotId, (pages) => {
    const first = pages[0];
    if (!first || first.param.cursor.kind !== 'newest') return pages;
    if (first.rows.some((row) => row.kind === 'organization' && row.organization.id === created.id))
      return pages;
    const withNew: ListPage = {
      ...first,
      rows: [{ kind: 'organization', organization: created }, ...first.rows],
    };
    return shiftPagesAfter([withNew, ...pages.slice(1)], 0, 1);
  });
  void markSearchesStale(queryClient, chatbotId);
}

/** A deleted organization leaves every cached list page and search; the count -1. */
export function removeDeletedOrganization(
  queryClient: QueryClient,
  chatbotId: string,
  organizationId: string,
) {
  adjustTotal(queryClient, chatbotId, -1);
  updateListPages(queryClient, chatbotId, (pages) => {
    let result = pages;
    pages.forEach((page, index) => {
      const rows = page.rows.filter(
        (row) => !(row.kind === 'organization' && row.organization.id === organizationId),
      );
      if (rows.length === page.rows.length) return;
      result = result.map((kept, keptIndex) => (keptIndex === index ? { ...kept, rows } : kept));
      result = shiftPagesAfter(result, index, rows.length - page.rows.length);
    });
    return result;
  });
  updateSearchHits(queryClient, chatbotId, (hits) =>
    hits.filter((hit) => hit.organization.id !== organizationId),
  );
  // The detail stays until the page has left; marked stale, a later visit asks again (404).
  void queryClient.invalidateQueries({
    queryKey: organizationQueries.detail(chatbotId, organizationId).queryKey,
    refetchType: 'none',
  });
  void markSearchesStale(queryClient, chatbotId);
}

/** What an optimistic change of one organization may touch, to put back on failure. */
export type OrganizationCacheSnapshot = [QueryKey, unknown][];

/** Stops the fetches that could overwrite an optimistic change, then keeps what the caches hold. */
export async function snapshotOrganizationCaches(
  queryClient: QueryClient,
  chatbotId: string,
  organizationId: string,
): Promise<OrganizationCacheSnapshot> {
  const detailKey = organizationQueries.detail(chatbotId, organizationId).queryKey;
  await Promise.all([
    queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
    queryClient.cancelQueries({ queryKey: organizationQueries.lists(chatbotId) }),
    queryClient.cancelQueries({ queryKey: organizationQueries.searches(chatbotId) }),
  ]);
  return [
    ...queryClient.getQueriesData({ queryKey: detailKey, exact: true }),
    ...queryClient.getQueriesData({ queryKey: organizationQueries.lists(chatbotId) }),
    ...queryClient.getQueriesData({ queryKey: organizationQueries.searches(chatbotId) }),
  ];
}

export function restoreOrganizationCaches(
  queryClient: QueryClient,
  snapshot: OrganizationCacheSnapshot,
) {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

export interface CachedOrganization {
  organization: Organization;
  /** When the query that holds it got its data. */
  updatedAt: number;
}

/**
 * The freshest copy of the organization among the chatbot's cached list pages and searches: the
 * organization page shows it at once (and keeps showing it when the server cannot be reached)
 * rather than a spinner or an error.
 */
export function findCachedOrganization(
  queryClient: QueryClient,
  chatbotId: string,
  organizationId: string,
): CachedOrganization | undefined {
  let best: CachedOrganization | undefined;
  const consider = (organization: Organization, updatedAt: number) => {
    if (organization.id !== organizationId) return;
    if (best === undefined || updatedAt > best.updatedAt) best = { organization, updatedAt };
  };
  const considerResponse = (response: SearchOrganizationsResponse, updatedAt: number) => {
    for (const hit of response.results?.hits ?? []) consider(hit.organization, updatedAt);
  };
  const cache = queryClient.getQueryCache();
  for (const query of cache.findAll({ queryKey: organizationQueries.lists(chatbotId) })) {
    const data = query.state.data as ListData | undefined;
    for (const page of data?.pages ?? []) {
      for (const row of page.rows) {
        if (row.kind === 'organization') consider(row.organization, query.state.dataUpdatedAt);
      }
    }
  }
  for (const query of cache.findAll({ queryKey: organizationQueries.searchPagesAll(chatbotId) })) {
    const data = query.state.data as SearchPagesData | undefined;
    for (const page of data?.pages ?? []) considerResponse(page, query.state.dataUpdatedAt);
  }
  for (const query of cache.findAll({ queryKey: organizationQueries.searchPageAll(chatbotId) })) {
    const data = query.state.data as SearchOrganizationsResponse | undefined;
    if (data) considerResponse(data, query.state.dataUpdatedAt);
  }
  return best;
}
