// The list hook against the in-process sandbox: paging to the end through React Query with
// bounded pages, fetching a dropped page again, and new organizations on refetch.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import { createOrganization } from '../../api/organizations/organizations.ts';
import type { ListRow } from '../../lib/organizations/listPaging.ts';
import { createTestQueryClient, TestProviders } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { useOrganizationList } from './useOrganizationList.ts';
import { LIST_MAX_PAGES, LIST_PAGE_SIZE } from '../queries/organizationListQueries.ts';

const SEEDED = 730;
let sandbox: TestSandbox;
let restoreClient: () => void;

beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: SEEDED });
  restoreClient = configureApiClient({ fetch: sandbox.fetch });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});
afterEach(() => cleanup());

function renderList() {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>{children}</TestProviders>
  );
  return renderHook(() => useOrganizationList(sandbox.chatbotId), { wrapper }).result;
}

const idsOf = (rows: readonly ListRow[]) =>
  rows.flatMap((row) => (row.kind === 'organization' ? [row.organization.id] : []));

describe('useOrganizationList', () => {
  it('pages to the end holding at most its page limit, counting every organization once', async () => {
    const list = renderList();
    await waitFor(() => expect(list.current.isPending).toBe(false));
    expect(list.current.rows).toHaveLength(LIST_PAGE_SIZE);
    const seen: string[] = idsOf(list.current.rows);
    while (list.current.hasNextPage) {
      const before = list.current.endIndex;
      act(() => list.current.loadNext());
      await waitFor(() => expect(list.current.endIndex).toBeGreaterThan(before));
      seen.push(...idsOf(list.current.rows).slice(-(list.current.endIndex - before)));
      expect(list.current.rows.length).toBeLessThanOrEqual(LIST_PAGE_SIZE * LIST_MAX_PAGES);
    }
    expect(list.current.ended).toBe(true);
    expect(new Set(seen).size).toBe(SEEDED);
    expect(list.current.loadedCount).toBe(SEEDED);
    expect(list.current.endIndex).toBe(SEEDED);
    // The top pages were dropped; their positions stay reserved.
    expect(list.current.heldStart).toBe(SEEDED - list.current.rows.length);
    expect(list.current.firstIndex).toBe(0);

    // Scrolling back fetches a dropped page again: the same organizations at the same places.
    const heldStart = list.current.heldStart;
    const expectedAbove = seen.slice(heldStart - LIST_PAGE_SIZE, heldStart);
    act(() => list.current.loadPrevious());
    await waitFor(() => expect(list.current.heldStart).toBe(heldStart - LIST_PAGE_SIZE));
    expect(idsOf(list.current.rows).slice(0, LIST_PAGE_SIZE)).toEqual(expectedAbove);
    // The last page was dropped in turn, but the count and the known extent stay.
    expect(list.current.endIndex).toBeLessThan(SEEDED);
    expect(list.current.knownEndIndex).toBe(SEEDED);
    expect(list.current.loadedCount).toBe(SEEDED);
  });

  it('goes to the end in one call, page after page, holding its page limit; a stop stops it', async () => {
    const list = renderList();
    await waitFor(() => expect(list.current.isPending).toBe(false));
    act(() => list.current.goToEnd());
    expect(list.current.goingToEnd).toBe(true);
    await waitFor(() => expect(list.current.ended).toBe(true), { timeout: 20_000 });
    expect(list.current.goingToEnd).toBe(false);
    expect(list.current.endIndex).toBeGreaterThanOrEqual(SEEDED);
    expect(list.current.rows.length).toBeLessThanOrEqual(LIST_PAGE_SIZE * LIST_MAX_PAGES);

    const again = renderList();
    await waitFor(() => expect(again.current.isPending).toBe(false));
    act(() => again.current.goToEnd());
    act(() => again.current.stopGoingToEnd());
    await waitFor(() => expect(again.current.isFetchingNextPage).toBe(false));
    expect(again.current.goingToEnd).toBe(false);
    expect(again.current.ended).toBe(false);
  });

  it('shows an organization created elsewhere at the top after a refetch', async () => {
    const list = renderList();
    await waitFor(() => expect(list.current.isPending).toBe(false));
    const firstBefore = idsOf(list.current.rows)[0];
    const response = await createOrganization({
      chatbotId: sandbox.chatbotId,
      body: { name: 'Created elsewhere GmbH' },
    });
    act(() => list.current.retry());
    await waitFor(() =>
      expect(idsOf(list.current.rows)[0]).toBe(response.organization?.id ?? 'missing'),
    );
    expect(idsOf(list.current.rows)[1]).toBe(firstBefore);
  });
});
