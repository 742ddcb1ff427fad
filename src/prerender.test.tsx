// The console server's render of the list's frame (prerender.tsx) and React adopting it in the
// browser (main.tsx's hydrateRoot): the first client render must match the server's HTML even
// when the list's first page (requested before React renders) has already arrived, or React
// throws the HTML away.
import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import hostileStrings from '../fixtures/hostile-strings.json' with { type: 'json' };
import { App } from './App.tsx';
import { displayText } from './lib/shared/displayText.ts';
import { prefetchStartPage } from './startup/startData/prefetchStartPage.ts';
import { organizationListQueries } from './hooks/queries/organizationListQueries.ts';
import { adoptStartData, type StartData } from './startup/startData/startData.ts';
import { loadStartData, renderStartPage } from './prerender.tsx';
import { ROUTES } from './routes.ts';
import {
  createOrganizations,
  quietQueryClient,
  serverRenderPerTest,
  showServerHtml,
} from './test/startPage.ts';

const LIST_URL = '/chatbots/demo/organizations';

describe('renderStartPage', () => {
  it('renders the list frame: header, title, search box, loading bar and placeholder rows', async () => {
    const container = document.createElement('div');
    container.innerHTML = (await renderStartPage(LIST_URL)) ?? '';
    expect(container.querySelector('h1')?.textContent).toBe('Organizations');
    expect(container.textContent).toContain('Loading…');
    expect(container.querySelector('[role=progressbar]')).not.toBeNull();
    expect(container.querySelector('input[type=search], input')).not.toBeNull();
    expect(container.querySelector('bdi')?.textContent).toBe('demo');
    expect(container.querySelectorAll('[role=columnheader]').length).toBeGreaterThan(0);
    // The placeholder rows, though the server has no scroll area to measure.
    expect(container.querySelectorAll('[class*=placeholder][aria-hidden=true]')).toHaveLength(12);
  });

  it.each(hostileStrings.slice(0, 12))('shows the chatbot id %j as text', async (chatbotId) => {
    const container = document.createElement('div');
    container.innerHTML =
      (await renderStartPage(`/chatbots/${encodeURIComponent(chatbotId)}/organizations`)) ?? '';
    expect(container.querySelector('bdi')?.textContent).toBe(displayText(chatbotId));
    expect(container.querySelector('script, img, svg[onload], iframe')).toBeNull();
  });

  it.each([
    ['a search', `${LIST_URL}?q=acme`],
    ['an organization', `${LIST_URL}/abc`],
    ['a new organization', `${LIST_URL}/new`],
    ['the start', '/'],
    ['an unknown page', '/nowhere'],
  ])('renders nothing for %s (the browser renders it)', async (_case, url) => {
    expect(await renderStartPage(url)).toBeUndefined();
  });
});

describe('hydrating the server render', () => {
  const test = serverRenderPerTest(12);
  beforeEach(() => {
    window.history.replaceState(null, '', LIST_URL);
  });

  it('adopts the HTML without a mismatch when the first page has already arrived', async () => {
    const container = showServerHtml(await renderStartPage(LIST_URL));
    const serverTitle = container.querySelector('h1');

    const queryClient = quietQueryClient();
    prefetchStartPage(queryClient, window.location, ROUTES.organizations);
    const listKey = organizationListQueries.pages(test.sandbox.chatbotId).queryKey;
    await waitFor(() => expect(queryClient.getQueryData(listKey)).toBeDefined());

    const recoverableErrors = await test.hydrate(container, <App queryClient={queryClient} />);
    await waitFor(() => expect(container.textContent).toContain('12 organizations'));
    expect(recoverableErrors).not.toHaveBeenCalled();
    // The same element: adopted, not drawn again (the largest paint stays the server's).
    expect(container.querySelector('h1')).toBe(serverTitle);
  });

  it('renders the first rows with their data, hostile names as text, and adopts them as they are', async () => {
    const names = hostileStrings.filter((name) => name.trim() !== '').slice(0, 8);
    await createOrganizations(
      test.sandbox,
      names.map((name) => ({ name })),
    );
    const data = await loadStartData(LIST_URL, test.sandbox.fetch, new AbortController().signal);
    expect(data?.rendered).toBe(true);
    const container = showServerHtml(await renderStartPage(LIST_URL, data));
    const serverRows = [...container.querySelectorAll('[role=row][data-position]')];
    const serverTitle = container.querySelector('h1');
    expect(serverRows.length).toBeGreaterThan(8);
    expect(container.querySelector('script, img, svg[onload], iframe')).toBeNull();
    const shown = serverRows.slice(0, 8).map((row) => row.querySelector('bdi')?.textContent ?? '');
    // As a set: organizations created within one millisecond tie on their creation time, and the
    // API orders a tie by id, not by the order the test created them in.
    expect(shown.sort()).toEqual(names.map((name) => displayText(name)).sort());

    // The browser: the same data from the page, nothing fetched, the server's rows adopted.
    const fetchSpy = test.spyOnRequests();
    const queryClient = quietQueryClient();
    const carried = JSON.parse(JSON.stringify(data)) as StartData;
    expect(await adoptStartData(queryClient, LIST_URL, carried)).toBe(true);
    const recoverableErrors = await test.hydrate(
      container,
      <App queryClient={queryClient} serverRender={{ nowMs: carried.nowMs }} />,
    );
    await waitFor(() => expect(container.textContent).toContain('20 organizations'));
    expect(recoverableErrors).not.toHaveBeenCalled();
    // Adopted, not drawn again (jsdom has no layout, so the rows themselves follow its 0 px view).
    expect(container.querySelector('h1')).toBe(serverTitle);
    const listRequests = fetchSpy.mock.calls.filter(([url]) =>
      /\/organizations\?limit=/.test(String(url)),
    );
    expect(listRequests).toEqual([]);
  });
});
