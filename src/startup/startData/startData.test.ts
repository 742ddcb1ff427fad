// The page's data (startData.ts): what the server records through src/api is what the browser
// puts in its cache when it replays it, under the keys the hooks read, with nothing fetched.
import { describe, expect, it, vi } from 'vitest';
import { quietQueryClient, sandboxPerTest } from '../../test/startPage.ts';
import { organizationListQueries } from '../../hooks/queries/organizationListQueries.ts';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import {
  adoptStartData,
  fillStartPage,
  recordingTransport,
  replayTransport,
  startPageOf,
  type RecordedAnswer,
  type StartData,
} from './startData.ts';

const sandbox = sandboxPerTest(150);

async function recorded(
  url: string,
): Promise<{ data: StartData; server: ReturnType<typeof quietQueryClient> }> {
  const page = startPageOf(url);
  if (page === undefined) throw new Error(`${url} has no data`);
  const answers: RecordedAnswer[] = [];
  const server = quietQueryClient();
  await fillStartPage(server, page, recordingTransport(sandbox().fetch, answers));
  return { data: { version: 1, nowMs: 0, rendered: true, answers }, server };
}

describe('startPageOf', () => {
  it('names the list, a search and an organization; nothing else', () => {
    expect(startPageOf('/chatbots/demo/organizations')).toEqual({
      kind: 'list',
      chatbotId: 'demo',
    });
    expect(startPageOf('/chatbots/demo/organizations?q=%20north%20')).toEqual({
      kind: 'search',
      chatbotId: 'demo',
      term: 'north',
    });
    expect(startPageOf('/chatbots/demo/organizations?q=%20')).toEqual({
      kind: 'list',
      chatbotId: 'demo',
    });
    expect(startPageOf('/chatbots/a%2Fb/organizations/x%20y/contacts')).toEqual({
      kind: 'organization',
      chatbotId: 'a/b',
      organizationId: 'x y',
    });
    expect(startPageOf('/chatbots/demo/organizations/new')).toBeUndefined();
    expect(startPageOf('/chatbots/demo/organizations/abc/elsewhere')).toBeUndefined();
    expect(startPageOf('/')).toBeUndefined();
  });
});

describe('recording on the server, replaying in the browser', () => {
  it('fills the list query with the same first page, without a request', async () => {
    const url = '/chatbots/demo/organizations';
    const { data, server } = await recorded(url);
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no request expected')));
    vi.stubGlobal('fetch', fetchSpy);
    const browser = quietQueryClient();
    // Through JSON, as the page carries it.
    const carried = JSON.parse(JSON.stringify(data)) as StartData;
    expect(await adoptStartData(browser, url, carried)).toBe(true);
    const key = organizationListQueries.pages('demo').queryKey;
    const adopted = browser.getQueryData(key);
    expect(adopted?.pages[0]?.rows).toHaveLength(100);
    expect(adopted).toEqual(server.getQueryData(key));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fills a search and an organization under the factory keys', async () => {
    const { data: search } = await recorded('/chatbots/demo/organizations?q=a');
    const browser = quietQueryClient();
    expect(await adoptStartData(browser, '/chatbots/demo/organizations?q=a', search)).toBe(true);
    expect(
      browser.getQueryData(organizationQueries.searchPages('demo', 'a').queryKey)?.pages,
    ).toHaveLength(1);

    const list = await sandbox().fetch('/v1/chatbots/demo/organizations?limit=1');
    const [first] = ((await list.json()) as { organizations: { id: string }[] }).organizations;
    const url = `/chatbots/demo/organizations/${encodeURIComponent(first!.id)}`;
    const { data: detail } = await recorded(url);
    expect(await adoptStartData(browser, url, detail)).toBe(true);
    const key = organizationQueries.detail('demo', first!.id).queryKey;
    expect(browser.getQueryData(key)?.organization?.id).toBe(first!.id);
  });

  it("refuses data that is not this page's, or not what the contract allows", async () => {
    const { data } = await recorded('/chatbots/demo/organizations');
    const browser = quietQueryClient();
    expect(await adoptStartData(browser, '/chatbots/other/organizations', data)).toBe(false);
    const broken: StartData = {
      ...data,
      answers: data.answers.map((answer) => ({ ...answer, body: { organizations: [{ id: 1 }] } })),
    };
    expect(await adoptStartData(browser, '/chatbots/demo/organizations', broken)).toBe(false);
    expect(browser.getQueryData(organizationListQueries.pages('demo').queryKey)).toBeUndefined();
    expect(await adoptStartData(browser, '/chatbots/demo/organizations', undefined)).toBe(false);
  });

  it('replays only GET requests it holds', async () => {
    const transport = replayTransport([{ url: '/v1/x', status: 200, body: { a: '<' } }]);
    await expect((await transport('/v1/x', {})).json()).resolves.toEqual({ a: '<' });
    await expect(transport('/v1/y', {})).rejects.toThrow('not in the page');
    await expect(transport('/v1/x', { method: 'DELETE' })).rejects.toThrow('not in the page');
  });
});
