import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import { presentHit } from '../../lib/search/searchHitFields.ts';
import { createTestQueryClient, TestProviders } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { SEARCH_PAGE_SIZE } from '../queries/organizationQueries.ts';
import {
  SEARCH_URL_DELAY_MS,
  useOrganizationSearchResults,
  useSearchPrefetch,
  useSearchText,
  useSearchTextValue,
} from './useOrganizationSearch.ts';

let sandbox: TestSandbox;
let restoreClient: () => void;
/** Requests the hooks made: the search text and the signal each was sent with. */
let requests: Array<{ query: string; page: number; signal: AbortSignal | null }>;
/** Search texts whose answers are held back this long, to catch them in flight. */
let slowQueries: Map<string, number>;

beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: 400 });
  restoreClient = configureApiClient({
    fetch: async (input, init) => {
      const url = new URL(String(input), 'http://console.test');
      const query = url.searchParams.get('query') ?? '';
      requests.push({
        query,
        page: Number(url.searchParams.get('page')),
        signal: init?.signal ?? null,
      });
      const delay = slowQueries.get(query);
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
      return sandbox.fetch(input, init);
    },
  });
});

afterAll(() => {
  restoreClient();
  sandbox.close();
});

afterEach(() => {
  cleanup();
  requests = [];
  slowQueries = new Map();
});
requests = [];
slowQueries = new Map();

/** Renders a hook inside the app's providers; `result.current` is its latest value. */
function renderProbe<T>(useValue: () => T, route = '/chatbots/demo/organizations') {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient} route={route}>
      {children}
    </TestProviders>
  );
  return renderHook(useValue, { wrapper }).result;
}

interface TextProbe {
  search: ReturnType<typeof useSearchText>;
  /** The text in the box. */
  text: string;
  location: Location;
  navigate: NavigateFunction;
}

function useTextProbe(): TextProbe {
  const search = useSearchText();
  return {
    search,
    text: useSearchTextValue(search),
    location: useLocation(),
    navigate: useNavigate(),
  };
}

describe('useSearchText: the search text in the URL', () => {
  it('starts from ?q= of a shared link', () => {
    const probe = renderProbe(useTextProbe, '/chatbots/demo/organizations?q=m%C3%BCller');
    expect(probe.current.text).toBe('müller');
  });

  it('writes the URL once typing pauses, keeps committed searches in history for back and forward', async () => {
    const probe = renderProbe(useTextProbe);
    const type = (text: string) => act(() => probe.current.search.change(text));
    const back = () => act(() => probe.current.navigate(-1));
    const forward = () => act(() => probe.current.navigate(1));

    for (const text of ['n', 'no', 'nor']) await type(text);
    // The box shows every letter at once; the URL (a navigation) waits for a pause in typing.
    expect(probe.current.text).toBe('nor');
    expect(probe.current.location.search).toBe('');
    await waitFor(() => expect(probe.current.location.search).toBe('?q=nor'));
    // More typing replaces that entry rather than adding one per pause.
    await type('nort');
    await waitFor(() => expect(probe.current.location.search).toBe('?q=nort'));
    await type('nor');
    await act(() => probe.current.search.commit());
    expect(probe.current.location.search).toBe('?q=nor');
    // Committing before the pause writes at once.
    for (const text of ['s', 'se', 'sea']) await type(text);
    await act(() => probe.current.search.commit());
    expect(probe.current.location.search).toBe('?q=sea');

    await back();
    expect(probe.current.location.search).toBe('?q=nor');
    expect(probe.current.text).toBe('nor');
    await back();
    expect(probe.current.location.search).toBe('');
    expect(probe.current.text).toBe('');
    await forward();
    expect(probe.current.text).toBe('nor');
    await forward();
    expect(probe.current.text).toBe('sea');
  });

  it('takes the text of a link to a search, such as the quick lookup\'s "show all"', async () => {
    const probe = renderProbe(useTextProbe);
    await act(() => probe.current.search.change('nor'));
    await waitFor(() => expect(probe.current.location.search).toBe('?q=nor'));
    await act(() => probe.current.navigate('/chatbots/demo/organizations?q=acme'));
    expect(probe.current.text).toBe('acme');
    await act(() => probe.current.navigate(-1));
    expect(probe.current.text).toBe('nor');
  });

  it('drops a URL write still waiting when the user goes back', async () => {
    const probe = renderProbe(useTextProbe);
    await act(() => probe.current.search.change('nor'));
    await act(() => probe.current.search.commit());
    await act(() => probe.current.search.change('sea'));
    await act(() => probe.current.navigate(-1));
    expect(probe.current.text).toBe('');
    await new Promise((resolve) => setTimeout(resolve, SEARCH_URL_DELAY_MS + 100));
    // The text typed before going back did not follow the user onto the list's entry.
    expect(probe.current.location.search).toBe('');
    expect(probe.current.text).toBe('');
  });

  it('writes nothing when typing ends where it began', async () => {
    const probe = renderProbe(useTextProbe, '/chatbots/demo/organizations?q=nor');
    const entry = probe.current.location.key;
    await act(() => probe.current.search.change('nort'));
    await act(() => probe.current.search.change('nor'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_URL_DELAY_MS + 100));
    await act(() => probe.current.search.commit());
    expect(probe.current.location.key).toBe(entry);
  });

  it('clears with a history entry of its own, and refines by adding a facet value', async () => {
    const probe = renderProbe(useTextProbe);
    await act(() => probe.current.search.change('seattle'));
    await act(() => probe.current.search.refine('Real Estate'));
    expect(probe.current.text).toBe('seattle Real Estate');
    expect(probe.current.location.search).toBe('?q=seattle+Real+Estate');
    await act(() => probe.current.search.clear());
    expect(probe.current.location.search).toBe('');
    await act(() => probe.current.navigate(-1));
    expect(probe.current.text).toBe('seattle Real Estate');
  });
});

/** The results hook under a text that changes as a keystroke would change it. */
function renderWithText(initial: string) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>{children}</TestProviders>
  );
  const { result, rerender } = renderHook(
    ({ text }: { text: string }) => useOrganizationSearchResults('demo', text),
    { wrapper, initialProps: { text: initial } },
  );
  return { probe: result, setText: (text: string) => act(() => rerender({ text })) };
}

function useResultsProbe(text: string) {
  return function useResults() {
    return useOrganizationSearchResults('demo', text);
  };
}

describe('useOrganizationSearchResults against the sandbox', () => {
  it('finds an organization, with highlights, for the typed text', async () => {
    const probe = renderProbe(useResultsProbe('  nortwind  '));
    await waitFor(() => expect(probe.current.results).not.toBeNull());
    const results = probe.current.results!;
    expect(results.query).toBe('nortwind');
    expect(results.hits[0]?.organization.name).toBe('Northwind Traders');
    expect(presentHit(results.hits[0]!).nameHighlight).toEqual({
      text: 'Northwind Traders',
      tokens: ['Northwind'],
    });
    expect(requests.map((request) => request.query)).toEqual(['nortwind']);
  });

  it('searches nothing for blank text', async () => {
    const probe = renderProbe(useResultsProbe('   '));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(probe.current.term).toBeNull();
    expect(probe.current.results).toBeNull();
    expect(requests).toEqual([]);
  });

  it('aborts the request of a superseded text; its results never show', async () => {
    slowQueries.set('seattle', 500);
    const { probe, setText } = renderWithText('seattle');
    await waitFor(() => expect(requests.map((request) => request.query)).toEqual(['seattle']));
    setText('northwind');
    await waitFor(() => expect(probe.current.results?.query).toBe('northwind'));
    const seattle = requests.find((request) => request.query === 'seattle');
    expect(seattle?.signal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(probe.current.results?.query).toBe('northwind');
  });

  it('keeps older results visible but marked as older while a newer text loads', async () => {
    const { probe, setText } = renderWithText('northwind');
    await waitFor(() => expect(probe.current.results?.query).toBe('northwind'));
    slowQueries.set('seattle', 400);
    setText('seattle');
    await waitFor(() => expect(requests.map((request) => request.query)).toContain('seattle'));
    // The term asked for is the new one; the results on screen say they answer the old one.
    expect(probe.current.term).toBe('seattle');
    expect(probe.current.results?.query).toBe('northwind');
    expect(probe.current.isFetching).toBe(true);
    await waitFor(() => expect(probe.current.results?.query).toBe('seattle'));
    expect(probe.current.results?.hits.some((hit) => /seattle/i.test(JSON.stringify(hit)))).toBe(
      true,
    );
  });

  it('takes over the request a keystroke started, and aborts it once superseded', async () => {
    function useTypedSearch() {
      const [text, setText] = useState('');
      const prefetch = useSearchPrefetch('demo');
      const type = (next: string) => {
        prefetch(next);
        setText(next);
      };
      return { type, ...useOrganizationSearchResults('demo', text) };
    }
    const probe = renderProbe(useTypedSearch);
    await act(() => probe.current.type('northwind'));
    await waitFor(() => expect(probe.current.results?.query).toBe('northwind'));
    // One request: the results hook did not send its own.
    expect(requests.map((request) => request.query)).toEqual(['northwind']);

    slowQueries.set('seattle', 500);
    await act(() => probe.current.type('seattle'));
    await act(() => probe.current.type('seattle traders'));
    await waitFor(() => expect(probe.current.results?.query).toBe('seattle traders'));
    expect(requests.find((request) => request.query === 'seattle')?.signal?.aborted).toBe(true);
  });

  it('pages on until every found organization is loaded, each once', async () => {
    const probe = renderProbe(useResultsProbe('*'));
    await waitFor(() => expect(probe.current.results).not.toBeNull());
    const found = probe.current.results!.found;
    expect(found).toBeGreaterThan(SEARCH_PAGE_SIZE * 2);
    while (probe.current.hasNextPage) {
      const before = probe.current.results!.hits.length;
      await act(async () => probe.current.fetchNextPage());
      await waitFor(() => expect(probe.current.results!.hits.length).toBeGreaterThan(before));
    }
    const ids = probe.current.results!.hits.map((hit) => hit.organization.id);
    expect(ids).toHaveLength(found);
    expect(new Set(ids).size).toBe(found);
    expect(requests.map((request) => request.page)).toEqual(
      Array.from({ length: Math.ceil(found / SEARCH_PAGE_SIZE) }, (_, index) => index + 1),
    );
  });
});

vi.setConfig({ testTimeout: 30_000 });
