// The key factory: each query fetches what its key says, and invalidating a prefix reaches
// exactly the queries below it.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrganization } from '../../api/organizations/organizations.ts';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { consoleConfigQuery, organizationQueries } from './organizationQueries.ts';

let sandbox: TestSandbox;
beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: 10 });
  vi.stubGlobal('fetch', sandbox.fetch);
});
afterAll(() => {
  vi.unstubAllGlobals();
  sandbox.close();
});

describe('organizationQueries: fetching', () => {
  it('detail, contacts, contacts count, search and console config fetch what they name', async () => {
    const chatbotId = sandbox.chatbotId;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { organization } = await createOrganization({
      chatbotId,
      body: { name: 'Quokkafabrik Werke' },
    });
    const id = organization?.id ?? '';

    const detail = await client.fetchQuery(organizationQueries.detail(chatbotId, id));
    expect(detail.organization?.name).toBe('Quokkafabrik Werke');
    expect(await client.fetchQuery(organizationQueries.contacts(chatbotId, id))).toEqual({
      contacts: [],
    });
    expect(await client.fetchQuery(organizationQueries.contactsCount(chatbotId, id))).toEqual({
      count: 0,
    });
    const search = await client.fetchQuery(
      organizationQueries.search(chatbotId, 'quokkafabrik', 1, 20),
    );
    expect(search.results?.hits.map((hit) => hit.organization.id)).toEqual([id]);
    expect(await client.fetchQuery(consoleConfigQuery())).toEqual({
      mode: 'sandbox',
      defaultChatbotId: chatbotId,
    });
  });
});

describe('organizationQueries: keys', () => {
  const c = 'demo';
  const other = 'other-bot';
  const keys: Record<string, QueryKey> = {
    list: [...organizationQueries.lists(c), { limit: 50 }],
    search: organizationQueries.search(c, 'acme', 1, 20).queryKey,
    detail: organizationQueries.detail(c, 'org-1').queryKey,
    contacts: organizationQueries.contacts(c, 'org-1').queryKey,
    count: organizationQueries.contactsCount(c, 'org-1').queryKey,
    otherDetail: organizationQueries.detail(c, 'org-2').queryKey,
    otherChatbotList: [...organizationQueries.lists(other), { limit: 50 }],
    otherChatbotDetail: organizationQueries.detail(other, 'org-1').queryKey,
    config: consoleConfigQuery().queryKey,
  };

  async function invalidatedBy(prefix: QueryKey): Promise<string[]> {
    const client = new QueryClient();
    for (const key of Object.values(keys)) client.setQueryData(key, { seeded: true });
    await client.invalidateQueries({ queryKey: prefix });
    return Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  }

  it('start with the domain and the chatbot id', () => {
    for (const name of ['list', 'search', 'detail', 'contacts', 'count']) {
      expect(keys[name]?.slice(0, 2)).toEqual(['organizations', c]);
    }
  });

  it('lists(chatbot) reaches only that chatbot’s list pages', async () => {
    expect(await invalidatedBy(organizationQueries.lists(c))).toEqual(['list']);
  });

  it('searches(chatbot) reaches only that chatbot’s searches', async () => {
    expect(await invalidatedBy(organizationQueries.searches(c))).toEqual(['search']);
  });

  it('detail(chatbot, id) reaches the organization, its contacts and their count', async () => {
    expect(await invalidatedBy(organizationQueries.detail(c, 'org-1').queryKey)).toEqual([
      'contacts',
      'count',
      'detail',
    ]);
  });

  it('contacts(chatbot, id) reaches the contacts and their count only', async () => {
    expect(await invalidatedBy(organizationQueries.contacts(c, 'org-1').queryKey)).toEqual([
      'contacts',
      'count',
    ]);
  });

  it('chatbot(chatbot) reaches everything of that chatbot; all() every chatbot, not the config', async () => {
    expect(await invalidatedBy(organizationQueries.chatbot(c))).toEqual(
      ['contacts', 'count', 'detail', 'list', 'otherDetail', 'search'].sort(),
    );
    expect(await invalidatedBy(organizationQueries.all())).toEqual(
      Object.keys(keys)
        .filter((name) => name !== 'config')
        .sort(),
    );
  });

  it('a search key differs by query, page and page size', () => {
    const base = organizationQueries.search(c, 'acme', 1, 20).queryKey;
    expect(organizationQueries.search(c, 'acme', 1, 20).queryKey).toEqual(base);
    expect(organizationQueries.search(c, 'acme', 2, 20).queryKey).not.toEqual(base);
    expect(organizationQueries.search(c, 'acme', 1, 50).queryKey).not.toEqual(base);
    expect(organizationQueries.search(c, 'acm', 1, 20).queryKey).not.toEqual(base);
  });
});
