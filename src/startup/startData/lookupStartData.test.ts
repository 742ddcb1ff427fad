// The lookup page's data (lookupStartData.ts): the searches a hint in its address asks for, as
// the server records them, are what the lookup's bundle replays into its cache under the keys
// useLookupSearch reads, with nothing fetched.
import { describe, expect, it, vi } from 'vitest';
import { quietQueryClient, sandboxPerTest } from '../../test/startPage.ts';
import {
  adoptLookupStartData,
  fillLookupStart,
  isLookupUrl,
  lookupStartPageOf,
} from './lookupStartData.ts';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { recordingTransport, type RecordedAnswer, type StartData } from './startDataWire.ts';
import { HINT_SEARCH_SIZE } from '../../hooks/lookup/useLookupSearch.ts';

const sandbox = sandboxPerTest(150);

const searchKey = (query: string) =>
  organizationQueries.search('demo', query, 1, HINT_SEARCH_SIZE).queryKey;

describe('lookupStartPageOf', () => {
  it('names the searches of the hint: the domain then the address; free mail the address only', () => {
    expect(lookupStartPageOf('/chatbots/demo/lookup?email=Ada%40Mail.Northwind.example')).toEqual({
      kind: 'lookup',
      chatbotId: 'demo',
      queries: ['mail northwind', 'ada mail northwind'],
    });
    expect(lookupStartPageOf('/chatbots/a%2Fb/lookup/?email=ada%40gmail.com')).toEqual({
      kind: 'lookup',
      chatbotId: 'a/b',
      queries: ['ada gmail'],
    });
    expect(lookupStartPageOf('/chatbots/demo/lookup?q=north&name=north')).toEqual({
      kind: 'lookup',
      chatbotId: 'demo',
      queries: ['north'],
    });
  });

  it('names none without a hint, for a bad address or a path that is not the lookup', () => {
    expect(lookupStartPageOf('/chatbots/demo/lookup')).toBeUndefined();
    expect(lookupStartPageOf('/chatbots/demo/lookup?email=not-an-address')).toBeUndefined();
    expect(lookupStartPageOf('/chatbots/%E0%A4%A/lookup?q=north')).toBeUndefined();
    expect(lookupStartPageOf('/chatbots/demo/organizations?q=north')).toBeUndefined();
    expect(isLookupUrl('/chatbots/demo/lookup?q=x')).toBe(true);
    expect(isLookupUrl('/chatbots/demo/lookup/extra')).toBe(false);
  });
});

describe('the lookup page with its data', () => {
  async function recorded(url: string): Promise<StartData> {
    const page = lookupStartPageOf(url);
    if (page === undefined) throw new Error(`${url} has no data`);
    const answers: RecordedAnswer[] = [];
    await fillLookupStart(quietQueryClient(), page, recordingTransport(sandbox().fetch, answers));
    return { version: 1, nowMs: 0, rendered: false, answers };
  }

  it('puts each search in the cache as the page would fetch it, with no request', async () => {
    await sandbox().fetch('/v1/chatbots/demo/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Northwind Traders', email: 'info@northwindtraders.com' }),
    });
    const url = '/chatbots/demo/lookup?email=someone%40northwindtraders.com';
    const data = await recorded(url);
    expect(data.answers).toHaveLength(2);
    vi.stubGlobal('fetch', sandbox().fetch);
    const fetched = quietQueryClient();
    for (const query of ['northwindtraders', 'someone northwindtraders']) {
      await fetched.fetchQuery(organizationQueries.search('demo', query, 1, HINT_SEARCH_SIZE));
    }

    const fetchSpy = vi.fn(() => Promise.reject(new Error('no request expected')));
    vi.stubGlobal('fetch', fetchSpy);
    const browser = quietQueryClient();
    // Through JSON, as the page carries it.
    const carried = JSON.parse(JSON.stringify(data)) as StartData;
    expect(await adoptLookupStartData(browser, url, carried)).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
    for (const query of ['northwindtraders', 'someone northwindtraders']) {
      // The same answer (but the engine's own timing of each search).
      const replayed = browser.getQueryData(searchKey(query))?.results;
      const asked = fetched.getQueryData(searchKey(query))?.results;
      expect(replayed && { ...replayed, searchTimeMs: 0 }).toEqual(
        asked && { ...asked, searchTimeMs: 0 },
      );
    }
    expect(browser.getQueryData(searchKey('northwindtraders'))?.results?.found).toBeGreaterThan(0);
  });

  it("adopts nothing that is not this page's: another hint, missing answers, no data", async () => {
    const data = await recorded('/chatbots/demo/lookup?q=north');
    const browser = quietQueryClient();
    expect(await adoptLookupStartData(browser, '/chatbots/demo/lookup?q=south', data)).toBe(false);
    expect(await adoptLookupStartData(browser, '/chatbots/demo/lookup', data)).toBe(false);
    expect(await adoptLookupStartData(browser, '/chatbots/demo/lookup?q=north', undefined)).toBe(
      false,
    );
    expect(browser.getQueryCache().getAll()).toHaveLength(0);
  });
});
