import { QueryClientProvider, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import type { Organization } from '../../api/types.ts';
import { FIRST_LIST_PAGE, type ListPage } from '../../lib/organizations/listPaging.ts';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { createTestQueryClient } from '../../test/render.tsx';
import { organizationQueries } from '../queries/organizationQueries.ts';
import {
  useCreateOrganization,
  useDeleteOrganization,
  useUpdateOrganization,
} from './useOrganizationMutations.ts';

const CHATBOT = 'demo';
let sandbox: TestSandbox;
let restoreClient: () => void;
/** Set to make the next PATCH fail as a dropped connection would. */
let failNextPatch = false;

beforeAll(() => {
  sandbox = createTestSandbox();
  restoreClient = configureApiClient({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (failNextPatch && init?.method === 'PATCH') {
        failNextPatch = false;
        throw new TypeError('Failed to fetch');
      }
      return sandbox.fetch(input, init);
    }) as typeof fetch,
  });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});
afterEach(() => {
  failNextPatch = false;
});

async function create(name: string): Promise<Organization> {
  const response = await sandbox.fetch(`/v1/chatbots/${CHATBOT}/organizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return ((await response.json()) as { organization: Organization }).organization;
}

function listPage(organizations: Organization[], startIndex: number): ListPage {
  return {
    param: startIndex === 0 ? FIRST_LIST_PAGE : { ...FIRST_LIST_PAGE, startIndex },
    startIndex,
    noticesBefore: 0,
    rows: organizations.map((organization) => ({ kind: 'organization', organization })),
    next: null,
  };
}

const LIST_KEY = [...organizationQueries.lists(CHATBOT), 'test'];
const SEARCH_KEY = organizationQueries.searchPages(CHATBOT, 'acme').queryKey;

function seedCaches(queryClient: QueryClient, first: Organization[], second: Organization[]) {
  queryClient.setQueryData<InfiniteData<ListPage>>(LIST_KEY, {
    pages: [listPage(first, 0), listPage(second, first.length)],
    pageParams: [FIRST_LIST_PAGE, FIRST_LIST_PAGE],
  });
  // The results page's shape: the API's responses as they came (organizationQueries.searchPages).
  queryClient.setQueryData(SEARCH_KEY, {
    pages: [
      {
        results: {
          found: first.length,
          outOf: 100,
          page: 1,
          searchTimeMs: 1,
          facetCounts: [],
          hits: first.map((organization) => ({ organization, highlights: [], textMatch: '1' })),
        },
      },
    ],
    pageParams: [1],
  });
}

function listNames(queryClient: QueryClient) {
  return queryClient.getQueryData<InfiniteData<ListPage>>(LIST_KEY)!.pages.map((page) => ({
    startIndex: page.startIndex,
    names: page.rows.map((row) => (row.kind === 'organization' ? row.organization.name : row.kind)),
  }));
}

function searchNames(queryClient: QueryClient) {
  const results = queryClient.getQueryData(SEARCH_KEY)!.pages[0]!.results!;
  return {
    found: results.found,
    names: results.hits.map((hit) => hit.organization.name),
  };
}

function setUp() {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, wrapper };
}

describe('useUpdateOrganization', () => {
  it('shows the change in detail, list and search at once, then the server record', async () => {
    const acme = await create('Acme');
    const other = await create('Other');
    const { queryClient, wrapper } = setUp();
    seedCaches(queryClient, [acme, other], []);
    queryClient.setQueryData(organizationQueries.detail(CHATBOT, acme.id).queryKey, {
      organization: acme,
    });
    const { result } = renderHook(() => useUpdateOrganization(CHATBOT), { wrapper });

    act(() => {
      result.current.mutate({
        current: acme,
        organization: { name: 'Acme Renamed', variables: {} },
      });
    });
    await waitFor(() =>
      expect(listNames(queryClient)[0]!.names).toEqual(['Acme Renamed', 'Other']),
    );
    expect(searchNames(queryClient).names).toEqual(['Acme Renamed', 'Other']);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const detail = queryClient.getQueryData<{ organization: Organization }>(
      organizationQueries.detail(CHATBOT, acme.id).queryKey,
    )!.organization;
    expect(detail.name).toBe('Acme Renamed');
    expect(Date.parse(detail.updated)).toBeGreaterThan(Date.parse(acme.updated));
  });

  it('rolls every cache back when the request fails', async () => {
    const acme = await create('Acme Rollback');
    const { queryClient, wrapper } = setUp();
    seedCaches(queryClient, [acme], []);
    queryClient.setQueryData(organizationQueries.detail(CHATBOT, acme.id).queryKey, {
      organization: acme,
    });
    const { result } = renderHook(() => useUpdateOrganization(CHATBOT), { wrapper });
    failNextPatch = true;
    act(() => {
      result.current.mutate({
        current: acme,
        organization: { name: 'Never saved', variables: {} },
      });
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(listNames(queryClient)[0]!.names).toEqual(['Acme Rollback']);
    expect(searchNames(queryClient).names).toEqual(['Acme Rollback']);
    expect(
      queryClient.getQueryData<{ organization: Organization }>(
        organizationQueries.detail(CHATBOT, acme.id).queryKey,
      )!.organization.name,
    ).toBe('Acme Rollback');
  });
});

describe('useCreateOrganization and useDeleteOrganization', () => {
  it('puts a new organization at the top of the list and keeps positions continuous', async () => {
    const a = await create('A');
    const b = await create('B');
    const { queryClient, wrapper } = setUp();
    seedCaches(queryClient, [a], [b]);
    const { result } = renderHook(() => useCreateOrganization(CHATBOT), { wrapper });
    act(() => result.current.mutate({ body: { name: 'Brand new' }, variables: {} }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(listNames(queryClient)).toEqual([
      { startIndex: 0, names: ['Brand new', 'A'] },
      { startIndex: 2, names: ['B'] },
    ]);
  });

  it('creates with variables: the create, then an update that sets them', async () => {
    const { queryClient, wrapper } = setUp();
    const { result } = renderHook(() => useCreateOrganization(CHATBOT), { wrapper });
    act(() =>
      result.current.mutate({ body: { name: 'With variables' }, variables: { plan: 'Gold' } }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const created = result.current.data!.response.organization!;
    expect(result.current.data!.variablesError).toBeUndefined();
    expect(created.variables).toEqual({ plan: 'Gold' });
    const stored = await sandbox.fetch(`/v1/chatbots/${CHATBOT}/organizations/${created.id}`);
    expect(
      ((await stored.json()) as { organization: Organization }).organization.variables,
    ).toEqual({ plan: 'Gold' });
    expect(
      queryClient.getQueryData<{ organization: Organization }>(
        organizationQueries.detail(CHATBOT, created.id).queryKey,
      )!.organization.variables,
    ).toEqual({ plan: 'Gold' });
  });

  it('reports variables that could not be set, the organization created all the same', async () => {
    const { wrapper } = setUp();
    const { result } = renderHook(() => useCreateOrganization(CHATBOT), { wrapper });
    failNextPatch = true;
    act(() =>
      result.current.mutate({ body: { name: 'Variables lost' }, variables: { plan: 'Gold' } }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const created = result.current.data!.response.organization!;
    expect(created.name).toBe('Variables lost');
    expect(created.variables).toEqual({});
    expect(result.current.data!.variablesError).toMatchObject({ kind: 'network' });
  });

  it('removes a deleted organization from every list page and search', async () => {
    const a = await create('Delete me');
    const b = await create('Keep me');
    const c = await create('Later');
    const { queryClient, wrapper } = setUp();
    seedCaches(queryClient, [a, b], [c]);
    const { result } = renderHook(() => useDeleteOrganization(CHATBOT), { wrapper });
    act(() => result.current.mutate(a.id));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(listNames(queryClient)).toEqual([
      { startIndex: 0, names: ['Keep me'] },
      { startIndex: 1, names: ['Later'] },
    ]);
    expect(searchNames(queryClient)).toEqual({ found: 1, names: ['Keep me'] });
  });
});
