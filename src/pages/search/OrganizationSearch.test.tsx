import { act, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import {
  SEARCH_WAIT_NOTICE_MS,
  useSearchText,
  type SearchText,
} from '../../hooks/search/useOrganizationSearch.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { OrganizationSearch, searchPanel } from './OrganizationSearch.tsx';

let sandbox: TestSandbox;
let restoreClient: () => void;
/** Search texts whose answers are held back this long. */
const slowQueries = new Map<string, number>();

beforeAll(async () => {
  // The results panel is its own chunk, which the page preloads once settled.
  await searchPanel.preload();
  sandbox = createTestSandbox({ seedOrganizations: 400 });
  restoreClient = configureApiClient({
    fetch: async (input, init) => {
      const query = new URL(String(input), 'http://console.test').searchParams.get('query') ?? '';
      const delay = slowQueries.get(query);
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
      return sandbox.fetch(input, init);
    },
  });
  // jsdom lays nothing out; give the results' scroll area a height so rows render.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
}, 120_000);

afterAll(() => {
  restoreClient();
  sandbox.close();
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
});

afterEach(() => slowQueries.clear());

function renderSearch() {
  const page: { search?: SearchText } = {};
  function Page() {
    const search = useSearchText();
    page.search = search;
    return (
      <OrganizationSearch chatbotId="demo" search={search} hrefFor={(id) => `/o/${id}`}>
        <p>The list</p>
      </OrganizationSearch>
    );
  }
  renderWithProviders(<Page />, { route: '/chatbots/demo/organizations' });
  return { type: (text: string) => act(() => page.search?.change(text)) };
}

const summary = () => screen.getByRole('status');
const resultsArea = () => screen.getByRole('list', { name: 'Search results' }).parentElement;

describe('OrganizationSearch', () => {
  it('replaces older results with a quick answer, without dimming them first', async () => {
    const { type } = renderSearch();
    await type('northwind');
    await waitFor(() => expect(summary()).toHaveTextContent('match “northwind”'));
    await type('northwind trad');
    // Still the older results, under a summary that names the text they answer.
    expect(summary()).toHaveTextContent('match “northwind”');
    expect(resultsArea()).not.toHaveAttribute('data-stale');
    await waitFor(() => expect(summary()).toHaveTextContent('match “northwind trad”'));
    expect(screen.getByRole('link', { name: /Northwind Traders/ })).toBeInTheDocument();
  });

  it('dims older results and says what is loading once the wait is noticeable', async () => {
    const { type } = renderSearch();
    await type('northwind');
    await waitFor(() => expect(summary()).toHaveTextContent('match “northwind”'));
    slowQueries.set('seattle', SEARCH_WAIT_NOTICE_MS + 600);
    await type('seattle');
    expect(resultsArea()).not.toHaveAttribute('data-stale');
    await waitFor(() =>
      expect(summary()).toHaveTextContent(
        'Searching for “seattle”… still showing results for “northwind”',
      ),
    );
    expect(resultsArea()).toHaveAttribute('data-stale');
    await waitFor(() => expect(summary()).toHaveTextContent('match “seattle”'));
    expect(resultsArea()).not.toHaveAttribute('data-stale');
  });
});

vi.setConfig({ testTimeout: 30_000 });
