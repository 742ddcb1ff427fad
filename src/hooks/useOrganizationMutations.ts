// Create, update and delete of an organization, with every cache that shows it kept in step:
// the detail, the paged list (engineer "list"'s ListPage shape) and every search page.
// Update is optimistic: the caches show the change at once and are rolled back, with a
// notification, when the request fails.
import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError } from '../api/client.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  updateOrganization,
  type CreateOrganizationBody,
  type Organization,
  type OrganizationResponse,
  type UpdateOrganizationBody,
} from '../api/organizations.ts';
import type { ListPage } from '../lib/listPaging.ts';
import { organizationWithLocalUpdate } from '../lib/organizationForm.ts';
import { isHitsHolder, type HitsHolder } from './cachedOrganization.ts';
import { organizationQueries } from './queries/organizationQueries.ts';
import { recordWriteDenied } from './useWriteAccess.ts';
import { showToast } from './toast.ts';

type ListData = InfiniteData<ListPage>;

/** Applies `change` to every organization row of every cached list page of the chatbot. */
function updateListRows(
  queryClient: QueryClient,
  chatbotId: string,
  change: (pages: ListPage[]) => ListPage[],
) {
  queryClient.setQueriesData<ListData>(
    { queryKey: organizationQueries.lists(chatbotId) },
    (data) => (data?.pages ? { ...data, pages: change(data.pages) } : data),
  );
}

/**
 * Rewrites the hits of every cached search of the chatbot, whichever shape holds them: the
 * search page's infinite pages (`pages[].result.hits`) or a plain response (`results.hits`).
 * `found` is lowered by the hits a change removed, so counts stay honest until refetched.
 */
function updateSearchHits(
  queryClient: QueryClient,
  chatbotId: string,
  change: (hits: HitsHolder['hits']) => HitsHolder['hits'],
) {
  const rewrite = (holder: unknown): unknown => {
    if (!isHitsHolder(holder)) return holder;
    const hits = change(holder.hits);
    const removed = holder.hits.length - hits.length;
    const found = (holder as { found?: unknown }).found;
    return {
      ...holder,
      hits,
      ...(typeof found === 'number' && removed > 0 ? { found: Math.max(0, found - removed) } : {}),
    };
  };
  const rewritePage = (page: unknown): unknown => {
    if (typeof page !== 'object' || page === null) return page;
    const record = page as { result?: unknown; results?: unknown };
    if (isHitsHolder(record.result)) return { ...record, result: rewrite(record.result) };
    if (isHitsHolder(record.results)) return { ...record, results: rewrite(record.results) };
    return page;
  };
  queryClient.setQueriesData<unknown>(
    { queryKey: organizationQueries.searches(chatbotId) },
    (data: unknown) => {
      if (typeof data !== 'object' || data === null) return data;
      const pages = (data as { pages?: unknown }).pages;
      if (Array.isArray(pages)) return { ...data, pages: pages.map(rewritePage) };
      return rewritePage(data);
    },
  );
}

function replaceOrganization(queryClient: QueryClient, chatbotId: string, next: Organization) {
  queryClient.setQueryData<OrganizationResponse>(
    organizationQueries.detail(chatbotId, next.id).queryKey,
    (data) => ({ ...data, organization: next }),
  );
  updateListRows(queryClient, chatbotId, (pages) =>
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

/** The chatbot's organization count follows a create (+1) or a delete (-1) until refetched. */
function adjustTotal(queryClient: QueryClient, chatbotId: string, delta: number) {
  queryClient.setQueryData(organizationQueries.total(chatbotId).queryKey, (total) =>
    typeof total === 'number' ? Math.max(0, total + delta) : total,
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

type Snapshot = [QueryKey, unknown][];

function snapshotOf(queryClient: QueryClient, chatbotId: string, organizationId: string): Snapshot {
  return [
    ...queryClient.getQueriesData({
      queryKey: organizationQueries.detail(chatbotId, organizationId).queryKey,
      exact: true,
    }),
    ...queryClient.getQueriesData({ queryKey: organizationQueries.lists(chatbotId) }),
    ...queryClient.getQueriesData({ queryKey: organizationQueries.searches(chatbotId) }),
  ];
}

function restore(queryClient: QueryClient, snapshot: Snapshot) {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

export interface UpdateOrganizationVariables {
  /** The organization as the caches hold it now (the base of the optimistic change). */
  current: Organization;
  organization: UpdateOrganizationBody;
}

/**
 * PATCH with optimistic caches. The caller keeps the form as typed whatever happens; on failure
 * the caches return to what they held and a notification says the change was rolled back.
 */
export function useUpdateOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, organization }: UpdateOrganizationVariables) =>
      updateOrganization({ chatbotId, organizationId: current.id, organization }),
    onMutate: async ({ current, organization }) => {
      const detailKey = organizationQueries.detail(chatbotId, current.id).queryKey;
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
        queryClient.cancelQueries({ queryKey: organizationQueries.lists(chatbotId) }),
        queryClient.cancelQueries({ queryKey: organizationQueries.searches(chatbotId) }),
      ]);
      const snapshot = snapshotOf(queryClient, chatbotId, current.id);
      replaceOrganization(
        queryClient,
        chatbotId,
        organizationWithLocalUpdate(current, organization),
      );
      return { snapshot };
    },
    onError: (error, _variables, context) => {
      if (context) restore(queryClient, context.snapshot);
      recordWriteDenied(queryClient, chatbotId, error);
      showToast({
        color: 'red',
        title: 'Changes not saved',
        message: `${isApiError(error) ? error.message : 'The organization could not be saved.'} The page shows the saved version again; your input is kept in the form.`,
      });
    },
    onSuccess: (response) => {
      if (response.organization) replaceOrganization(queryClient, chatbotId, response.organization);
    },
    onSettled: () =>
      // Snippets and ranking of searches depend on the text: fetched afresh when next shown.
      queryClient.invalidateQueries({
        queryKey: organizationQueries.searches(chatbotId),
        refetchType: 'none',
      }),
  });
}

/**
 * The organization as the server has it now (for the lost-update check before saving). Asked
 * directly, not through the detail query: that query pauses while the server cannot be reached,
 * and a save must fail at once then (its form offers Retry) rather than wait unseen.
 */
export function useFetchLatestOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (organizationId: string) => {
      const response = await getOrganization({ chatbotId, organizationId });
      if (response.organization) {
        queryClient.setQueryData(
          organizationQueries.detail(chatbotId, organizationId).queryKey,
          response,
        );
      }
      return response.organization;
    },
    [queryClient, chatbotId],
  );
}

export interface CreateOrganizationVariables {
  body: CreateOrganizationBody;
  /** Create takes no variables (docs/API-NOTES.md): they are set by an update right after. */
  variables: Record<string, string>;
}

export interface CreateOrganizationResult {
  /** The create's answer, or the update's when the variables were set. */
  response: OrganizationResponse;
  /** The organization was created, but setting its variables failed with this. */
  variablesError?: unknown;
}

async function createWithVariables(
  chatbotId: string,
  { body, variables }: CreateOrganizationVariables,
): Promise<CreateOrganizationResult> {
  const response = await createOrganization({ chatbotId, body });
  const created = response.organization;
  if (!created || Object.keys(variables).length === 0) return { response };
  try {
    const updated = await updateOrganization({
      chatbotId,
      organizationId: created.id,
      organization: { variables },
    });
    return { response: updated.organization ? updated : response };
  } catch (variablesError) {
    return { response, variablesError };
  }
}

/**
 * POST (then PATCH for the variables); the new organization goes to the top of the cached list
 * and into the detail cache.
 */
export function useCreateOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateOrganizationVariables) =>
      createWithVariables(chatbotId, variables),
    onError: (error) => recordWriteDenied(queryClient, chatbotId, error),
    onSuccess: ({ response, variablesError }) => {
      if (variablesError !== undefined) recordWriteDenied(queryClient, chatbotId, variablesError);
      const created = response.organization;
      if (!created) return;
      adjustTotal(queryClient, chatbotId, 1);
      queryClient.setQueryData(
        organizationQueries.detail(chatbotId, created.id).queryKey,
        response,
      );
      updateListRows(queryClient, chatbotId, (pages) => {
        const first = pages[0];
        // Only the newest page can take it: a list that starts lower down does not show the top.
        if (!first || first.param.cursor.kind !== 'newest') return pages;
        if (
          first.rows.some(
            (row) => row.kind === 'organization' && row.organization.id === created.id,
          )
        ) {
          return pages;
        }
        const withNew: ListPage = {
          ...first,
          rows: [{ kind: 'organization', organization: created }, ...first.rows],
        };
        return shiftPagesAfter([withNew, ...pages.slice(1)], 0, 1);
      });
      void queryClient.invalidateQueries({
        queryKey: organizationQueries.searches(chatbotId),
        refetchType: 'none',
      });
    },
  });
}

/** DELETE; on success the organization leaves every cached list page and search. */
export function useDeleteOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => deleteOrganization({ chatbotId, organizationId }),
    onError: (error) => recordWriteDenied(queryClient, chatbotId, error),
    onSuccess: (_response, organizationId) => {
      adjustTotal(queryClient, chatbotId, -1);
      updateListRows(queryClient, chatbotId, (pages) => {
        let result = pages;
        pages.forEach((page, index) => {
          const rows = page.rows.filter(
            (row) => !(row.kind === 'organization' && row.organization.id === organizationId),
          );
          if (rows.length === page.rows.length) return;
          result = result.map((kept, keptIndex) =>
            keptIndex === index ? { ...kept, rows } : kept,
          );
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
      void queryClient.invalidateQueries({
        queryKey: organizationQueries.searches(chatbotId),
        refetchType: 'none',
      });
    },
  });
}
