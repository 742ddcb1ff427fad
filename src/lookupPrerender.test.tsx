// The console server's render of the lookup page with its hint's results (lookupPrerender.tsx)
// and the lookup's bundle adopting it (lookupMain.tsx's hydrateRoot): the results are in the HTML,
// hostile names as text, and the browser's first render matches it, asking for no search.
import { waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import hostileStrings from '../fixtures/hostile-strings.json' with { type: 'json' };
import { adoptLookupStartData } from './startup/startData/lookupStartData.ts';
import type { StartData } from './startup/startData/startDataWire.ts';
import { displayText } from './lib/shared/displayText.ts';
import { LookupPage } from './pages/lookup/LookupPage.tsx';
import { loadStartData, renderLookupPage } from './prerender.tsx';
import {
  createOrganizations,
  quietQueryClient,
  serverRenderPerTest,
  showServerHtml,
} from './test/startPage.ts';

describe('the lookup page rendered on the server with its results', () => {
  const test = serverRenderPerTest(12);

  it('shows the results, names as text, and the browser adopts them without a search', async () => {
    const names = hostileStrings.filter((name) => name.trim() !== '').slice(0, 6);
    await createOrganizations(
      test.sandbox,
      names.map((name) => ({ name, email: `info@lookup-render.example` })),
    );
    const url = `/chatbots/${test.sandbox.chatbotId}/lookup?email=ada%40lookup-render.example`;
    window.history.replaceState(null, '', url);
    const data = await loadStartData(url, test.sandbox.fetch, new AbortController().signal);
    expect(data).toBeDefined();
    const container = showServerHtml(await renderLookupPage(url, data!, []));
    expect(container.querySelector('script, img, svg[onload], iframe')).toBeNull();
    const serverRows = [
      ...container.querySelectorAll('[aria-label="Organizations found"] > li'),
    ].filter((row) => row.querySelector('a') !== null);
    expect(serverRows).toHaveLength(names.length);
    expect(serverRows[0]?.getAttribute('aria-current')).toBe('true');
    const shown = new Set(serverRows.map((row) => row.querySelector('a')?.textContent));
    expect(shown).toEqual(new Set(names.map((name) => displayText(name))));
    expect(container.querySelector('li[aria-current="true"] mark')).not.toBeNull();
    expect(container.querySelector('input')?.getAttribute('value')).toBe('lookup-render.example');

    // The browser: the answers from the page, no search asked for, the server's rows adopted.
    const fetchSpy = test.spyOnRequests();
    const queryClient = quietQueryClient();
    const carried = JSON.parse(JSON.stringify(data)) as StartData;
    expect(await adoptLookupStartData(queryClient, url, carried)).toBe(true);
    const firstRow = serverRows[0];
    const recoverableErrors = await test.hydrate(
      container,
      <QueryClientProvider client={queryClient}>
        <LookupPage
          chatbotId={test.sandbox.chatbotId}
          initialSearch={new URL(url, 'http://x').search}
          embedOrigins={[]}
        />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    expect(recoverableErrors).not.toHaveBeenCalled();
    expect(container.querySelector('li[aria-current="true"]')).toBe(firstRow);
    const searches = fetchSpy.mock.calls.filter(([request]) => String(request).includes('/search'));
    expect(searches).toEqual([]);
  });

  it('renders nothing for data that is not this page’s', async () => {
    const url = `/chatbots/${test.sandbox.chatbotId}/lookup?q=north`;
    const data = await loadStartData(url, test.sandbox.fetch, new AbortController().signal);
    expect(
      await renderLookupPage(`/chatbots/${test.sandbox.chatbotId}/lookup?q=south`, data!, []),
    ).toBe(undefined);
  });
});
