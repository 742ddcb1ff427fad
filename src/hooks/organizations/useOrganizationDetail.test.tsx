import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import type { Organization } from '../../api/types.ts';
import { FIRST_LIST_PAGE, type ListPage } from '../../lib/organizations/listPaging.ts';
import { createTestQueryClient, TestProviders } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';
import { useOrganizationDetail } from './useOrganizationDetail.ts';

let sandbox: TestSandbox;
let restoreClient: () => void;
const requested: string[] = [];

beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: 2 });
  restoreClient = configureApiClient({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      requested.push(String(input));
      return sandbox.fetch(input, init);
    }) as typeof fetch,
  });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});
afterEach(() => {
  cleanup();
  requested.length = 0;
});

async function anOrganization(): Promise<Organization> {
  const response = await sandbox.fetch(`/v1/chatbots/${sandbox.chatbotId}/organizations?limit=1`);
  return ((await response.json()) as { organizations: Organization[] }).organizations[0]!;
}

function listHolding(organization: Organization): { pages: ListPage[]; pageParams: unknown[] } {
  const page: ListPage = {
    param: FIRST_LIST_PAGE,
    startIndex: 0,
    noticesBefore: 0,
    rows: [{ kind: 'organization', organization }],
    next: null,
  };
  return { pages: [page], pageParams: [FIRST_LIST_PAGE] };
}

describe('useOrganizationDetail', () => {
  it('opens at once from the list’s copy, asking the server only once that copy is stale', async () => {
    const organization = await anOrganization();
    const queryClient = createTestQueryClient();
    const listKey = [...organizationQueries.lists(sandbox.chatbotId), 'test'];
    queryClient.setQueryData(listKey, listHolding(organization));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestProviders queryClient={queryClient}>{children}</TestProviders>
    );
    const { result } = renderHook(() => useOrganizationDetail(sandbox.chatbotId, organization.id), {
      wrapper,
    });
    expect(result.current.data?.organization).toEqual(organization);
    expect(requested.filter((url) => url.includes(organization.id))).toEqual([]);

    // A list loaded long ago: shown at once all the same, and fetched afresh behind it.
    const old = createTestQueryClient();
    old.setQueryData(listKey, listHolding({ ...organization, name: 'Older copy' }), {
      updatedAt: Date.now() - 10 * 60_000 + 5_000,
    });
    const oldWrapper = ({ children }: { children: ReactNode }) => (
      <TestProviders queryClient={old}>{children}</TestProviders>
    );
    const stale = renderHook(() => useOrganizationDetail(sandbox.chatbotId, organization.id), {
      wrapper: oldWrapper,
    });
    expect(stale.result.current.data?.organization?.name).toBe('Older copy');
    await waitFor(() =>
      expect(stale.result.current.data?.organization?.name).toBe(organization.name),
    );
  });
});
