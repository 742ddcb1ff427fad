// The console server's render of the list's frame (prerender.tsx) and React adopting it in the
// browser (main.tsx's hydrateRoot): the first client render must match the server's HTML even
// when the list's first page (requested before React renders) has already arrived, or React
// throws the HTML away.
import { act, waitFor } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import hostileStrings from '../fixtures/hostile-strings.json' with { type: 'json' };
import { App } from './App.tsx';
import { configureApiClient } from './api/client.ts';
import { displayText } from './lib/displayText.ts';
import { prefetchStartPage } from './hooks/prefetchStartPage.ts';
import { createQueryClient } from './hooks/queryClient.ts';
import { organizationListQuery } from './hooks/useOrganizationList.ts';
import { renderStartPage } from './prerender.tsx';
import { ORGANIZATIONS_ROUTE } from './router.tsx';
import { createTestSandbox, type TestSandbox } from './test/sandbox.ts';

const LIST_URL = '/chatbots/demo/organizations';

describe('renderStartPage', () => {
  it('renders the list frame: header, title, search box, loading bar and placeholder rows', () => {
    const container = document.createElement('div');
    container.innerHTML = renderStartPage(LIST_URL) ?? '';
    expect(container.querySelector('h1')?.textContent).toBe('Organizations');
    expect(container.textContent).toContain('Loading…');
    expect(container.querySelector('[role=progressbar]')).not.toBeNull();
    expect(container.querySelector('input[type=search], input')).not.toBeNull();
    expect(container.querySelector('bdi')?.textContent).toBe('demo');
    expect(container.querySelectorAll('[role=columnheader]').length).toBeGreaterThan(0);
    // The placeholder rows, though the server has no scroll area to measure.
    expect(container.querySelectorAll('[class*=placeholder][aria-hidden=true]')).toHaveLength(12);
  });

  it.each(hostileStrings.slice(0, 12))('shows the chatbot id %j as text', (chatbotId) => {
    const container = document.createElement('div');
    container.innerHTML =
      renderStartPage(`/chatbots/${encodeURIComponent(chatbotId)}/organizations`) ?? '';
    expect(container.querySelector('bdi')?.textContent).toBe(displayText(chatbotId));
    expect(container.querySelector('script, img, svg[onload], iframe')).toBeNull();
  });

  it.each([
    ['a search', `${LIST_URL}?q=acme`],
    ['an organization', `${LIST_URL}/abc`],
    ['a new organization', `${LIST_URL}/new`],
    ['the start', '/'],
    ['an unknown page', '/nowhere'],
  ])('renders nothing for %s (the browser renders it)', (_case, url) => {
    expect(renderStartPage(url)).toBeUndefined();
  });
});

describe('hydrating the server render', () => {
  let sandbox: TestSandbox;
  let restoreClient: () => void;
  let root: Root | undefined;
  beforeEach(() => {
    sandbox = createTestSandbox({ seedOrganizations: 12 });
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    window.history.replaceState(null, '', LIST_URL);
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = '';
    restoreClient();
    sandbox.close();
  });

  it('adopts the HTML without a mismatch when the first page has already arrived', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderStartPage(LIST_URL) ?? '';
    document.body.append(container);
    const serverTitle = container.querySelector('h1');

    const queryClient = createQueryClient({ retry: false, notify: () => undefined });
    prefetchStartPage(queryClient, window.location, ORGANIZATIONS_ROUTE);
    const listKey = organizationListQuery(sandbox.chatbotId).queryKey;
    await waitFor(() => expect(queryClient.getQueryData(listKey)).toBeDefined());

    const recoverableErrors = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, <App queryClient={queryClient} />, {
        onRecoverableError: recoverableErrors,
      });
    });
    await waitFor(() => expect(container.textContent).toContain('12 organizations'));
    expect(recoverableErrors).not.toHaveBeenCalled();
    // The same element: adopted, not drawn again (the largest paint stays the server's).
    expect(container.querySelector('h1')).toBe(serverTitle);
  });
});
