// Each cache shape a write updates, filled by the factory's own query options from the sandbox
// (no hand-written cache data): the list's infinite pages, the results page's infinite search
// pages, a single search page (quick lookup, lookup page), the total and the detail.
import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import { createOrganization, type Organization } from '../../api/organizations/organizations.ts';
import { createTestQueryClient } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import {
  addCreatedOrganization,
  findCachedOrganization,
  removeDeletedOrganization,
  replaceCachedOrganization,
  restoreOrganizationCaches,
  snapshotOrganizationCaches,
} from './organizationCache.ts';
import { organizationListQueries } from './organizationListQueries.ts';
import { organizationQueries } from './organizationQueries.ts';

const CHATBOT = 'demo';
const WORD = 'quillfeather';
let sandbox: TestSandbox;
let restoreClient: () => void;
let first: Organization;
let second: Organization;

beforeAll(async () => {
  sandbox = createTestSandbox();
  restoreClient = configureApiClient({ fetch: sandbox.fetch });
  second = (await createOrganization({ chatbotId: CHATBOT, body: { name: `${WORD} Two` } }))
    .organization!;
  first = (await createOrganization({ chatbotId: CHATBOT, body: { name: `${WORD} One` } }))
    .organization!;
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});

/** Every shape, fetched the way the pages fetch them. */
async function filledCaches(): Promise<QueryClient> {
  const queryClient = createTestQueryClient();
  await Promise.all([
    queryClient.fetchInfiniteQuery(organizationListQueries.pages(CHATBOT)),
    queryClient.fetchInfiniteQuery(organizationQueries.searchPages(CHATBOT, WORD)),
    queryClient.fetchQuery(organizationQueries.search(CHATBOT, WORD, 1, 8)),
    queryClient.fetchQuery(organizationQueries.total(CHATBOT)),
    queryClient.fetchQuery(organizationQueries.detail(CHATBOT, first.id)),
  ]);
  return queryClient;
}

/** What each shape shows: names in order, and each search's `found`. */
function shown(queryClient: QueryClient) {
  const list = queryClient.getQueryData(organizationListQueries.pages(CHATBOT).queryKey)!;
  const pages = queryClient.getQueryData(organizationQueries.searchPages(CHATBOT, WORD).queryKey)!;
  const single = queryClient.getQueryData(
    organizationQueries.search(CHATBOT, WORD, 1, 8).queryKey,
  )!;
  const names = (hits: { organization: Organization }[] = []) =>
    hits.map((hit) => hit.organization.name);
  return {
    list: list.pages.flatMap((page) =>
      page.rows.flatMap((row) => (row.kind === 'organization' ? [row.organization.name] : [])),
    ),
    listStarts: list.pages.map((page) => page.startIndex),
    searchPages: names(pages.pages[0]!.results?.hits),
    searchPagesFound: pages.pages[0]!.results?.found,
    searchPage: names(single.results?.hits),
    searchPageFound: single.results?.found,
    total: queryClient.getQueryData(organizationQueries.total(CHATBOT).queryKey),
    detail: queryClient.getQueryData(organizationQueries.detail(CHATBOT, first.id).queryKey)
      ?.organization?.name,
  };
}

describe('organizationCache', () => {
  it('starts from what the sandbox answered', async () => {
    const queryClient = await filledCaches();
    expect(shown(queryClient)).toMatchObject({
      list: [`${WORD} One`, `${WORD} Two`],
      searchPages: expect.arrayContaining([`${WORD} One`, `${WORD} Two`]),
      searchPagesFound: 2,
      searchPage: expect.arrayContaining([`${WORD} One`, `${WORD} Two`]),
      searchPageFound: 2,
      total: 2,
      detail: `${WORD} One`,
    });
  });

  it('replaces an organization in the detail, the list, the search pages and a search page', async () => {
    const queryClient = await filledCaches();
    replaceCachedOrganization(queryClient, CHATBOT, { ...first, name: 'Renamed' });
    const after = shown(queryClient);
    expect(after.list).toEqual(['Renamed', `${WORD} Two`]);
    expect(after.searchPages).toContain('Renamed');
    expect(after.searchPages).not.toContain(`${WORD} One`);
    expect(after.searchPage).toContain('Renamed');
    expect(after.detail).toBe('Renamed');
    expect(after.searchPagesFound).toBe(2);
    expect(after.total).toBe(2);
  });

  it('removes a deleted organization from every shape, lowering found and the total', async () => {
    const queryClient = await filledCaches();
    removeDeletedOrganization(queryClient, CHATBOT, first.id);
    const after = shown(queryClient);
    expect(after.list).toEqual([`${WORD} Two`]);
    expect(after.searchPages).toEqual([`${WORD} Two`]);
    expect(after.searchPagesFound).toBe(1);
    expect(after.searchPage).toEqual([`${WORD} Two`]);
    expect(after.searchPageFound).toBe(1);
    expect(after.total).toBe(1);
  });

  it('puts a created organization at the top of the list, in its detail, and counts it', async () => {
    const queryClient = await filledCaches();
    const created = { ...first, id: 'created-id', name: 'Created' };
    addCreatedOrganization(queryClient, CHATBOT, { organization: created });
    const after = shown(queryClient);
    expect(after.list).toEqual(['Created', `${WORD} One`, `${WORD} Two`]);
    expect(after.total).toBe(3);
    expect(
      queryClient.getQueryData(organizationQueries.detail(CHATBOT, 'created-id').queryKey)
        ?.organization?.name,
    ).toBe('Created');
    const searches = queryClient.getQueryCache().findAll({
      queryKey: organizationQueries.searches(CHATBOT),
    });
    expect(searches.every((query) => query.state.isInvalidated)).toBe(true);
  });

  it('puts every shape back from a snapshot', async () => {
    const queryClient = await filledCaches();
    const before = shown(queryClient);
    const snapshot = await snapshotOrganizationCaches(queryClient, CHATBOT, first.id);
    replaceCachedOrganization(queryClient, CHATBOT, { ...first, name: 'Optimistic' });
    expect(shown(queryClient).detail).toBe('Optimistic');
    restoreOrganizationCaches(queryClient, snapshot);
    expect(shown(queryClient)).toEqual(before);
  });

  it('finds an organization in the list, the search pages or a single search page', async () => {
    const fromList = createTestQueryClient();
    await fromList.fetchInfiniteQuery(organizationListQueries.pages(CHATBOT));
    expect(findCachedOrganization(fromList, CHATBOT, second.id)?.organization.name).toBe(
      `${WORD} Two`,
    );
    const fromPages = createTestQueryClient();
    await fromPages.fetchInfiniteQuery(organizationQueries.searchPages(CHATBOT, WORD));
    expect(findCachedOrganization(fromPages, CHATBOT, second.id)?.organization.id).toBe(second.id);
    const fromPage = createTestQueryClient();
    await fromPage.fetchQuery(organizationQueries.search(CHATBOT, WORD, 1, 8));
    expect(findCachedOrganization(fromPage, CHATBOT, second.id)?.organization.id).toBe(second.id);
    expect(findCachedOrganization(fromPage, CHATBOT, 'absent')).toBeUndefined();
  });
});
