import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json' with { type: 'json' };
import { presentFacets } from '../../lib/search/searchFacets.ts';
import type { SearchHitData } from '../../lib/search/searchTypes.ts';
import { SearchBox } from './SearchBox.tsx';
import { SearchPanel, type SearchPanelProps, type SearchPanelResults } from './SearchPanel.tsx';

function hit(id: string, name: string, highlights: SearchHitData['highlights']): SearchHitData {
  return {
    organization: {
      id,
      name,
      created: '2024-01-01T00:00:00.000Z',
      updated: '2024-01-01T00:00:00.000Z',
      variables: {},
    },
    highlights,
    textMatch: '100',
  };
}

function results(query: string, hits: SearchHitData[], found = hits.length): SearchPanelResults {
  return {
    query,
    found,
    outOf: 5000,
    searchTimeMs: 3,
    facets: presentFacets([
      {
        fieldName: 'industry',
        counts: [{ value: 'Software', count: 2, highlighted: 'Software' }],
      },
      { fieldName: 'size', counts: [], stats: { min: 5, max: 1200, avg: 300 } },
    ]),
    hits,
    firstPageHits: hits,
    notice: null,
  };
}

function renderPanel(overrides: Partial<SearchPanelProps>) {
  const props: SearchPanelProps = {
    query: 'muell',
    results: null,
    error: null,
    onRetry: vi.fn(),
    hasNextPage: false,
    isFetchingNextPage: false,
    fetchNextPage: vi.fn(),
    nextPageError: null,
    onRefine: vi.fn(),
    onClear: vi.fn(),
    hrefFor: (id) => `/chatbots/demo/organizations/${encodeURIComponent(id)}`,
    contactsCounts: new Map(),
    ...overrides,
  };
  render(
    <MantineProvider env="test">
      <MemoryRouter>
        <SearchPanel {...props} />
      </MemoryRouter>
    </MantineProvider>,
  );
  return props;
}

afterEach(cleanup);

// jsdom lays nothing out; give scroll areas a height so the virtualized list renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
});
afterAll(() => {
  // Back to Element.prototype's own getter.
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
});

describe('SearchPanel', () => {
  it('shows the summary, the highlighted name and another field as "Label — snippet"', () => {
    renderPanel({
      results: results(
        'muell',
        [
          hit('o1', 'Müller GmbH', [
            { field: 'name', matchedTokens: ['Müller'], snippet: '<mark>Müller</mark> GmbH' },
            { field: 'email', matchedTokens: ['muell'], snippet: 'info@<mark>muell</mark>er.de' },
          ]),
        ],
        1,
      ),
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 of 5,000 organizations match “muell” · searched in 3 ms',
    );
    const row = screen.getByRole('link', { name: /Müller GmbH/ });
    expect(row).toHaveAttribute('href', '/chatbots/demo/organizations/o1');
    expect(row).toHaveTextContent('Email — info@mueller.de');
    expect([...row.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Müller',
      'muell',
    ]);
  });

  it('says which words were left out to find anything, and each hit’s city and country', () => {
    const found = hit('o1', 'Northern Lights Corp.', [
      { field: 'name', matchedTokens: ['Northern'], snippet: '<mark>Northern</mark> Lights Corp.' },
    ]);
    found.organization.address = { location: 'Tromsø', country: 'Norway' };
    renderPanel({
      query: 'nort wind',
      results: results('nort wind', [found], 42),
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'No match for all words; showing matches for “nort” (“wind” left out): 42 of 5,000 organizations · searched in 3 ms',
    );
    expect(screen.getByRole('link', { name: /Northern Lights Corp\./ })).toHaveTextContent(
      'Tromsø, Norway',
    );
  });

  it('moves from the search box through the results with ↓ and ↑, and back', async () => {
    render(
      <MantineProvider env="test">
        <MemoryRouter>
          <SearchBox
            value="thames"
            onChange={vi.fn()}
            onCommit={vi.fn()}
            onClear={vi.fn()}
            busy={false}
          />
          <SearchPanel
            query="thames"
            results={results('thames', [
              hit('t1', 'Thames Freight Ltd', []),
              hit('t2', 'Thames Freight Ltd', []),
            ])}
            error={null}
            onRetry={vi.fn()}
            hasNextPage={false}
            isFetchingNextPage={false}
            fetchNextPage={vi.fn()}
            nextPageError={null}
            onRefine={vi.fn()}
            onClear={vi.fn()}
            hrefFor={(id) => `/organizations/${id}`}
            contactsCounts={new Map([['t1', 3]])}
          />
        </MemoryRouter>
      </MantineProvider>,
    );
    const box = screen.getByRole('searchbox', { name: 'Search organizations' });
    const rows = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('link');
    // Look-alikes told apart by their contacts count, where it is known.
    expect(rows[0]).toHaveTextContent('3 contacts');
    expect(rows[1]).not.toHaveTextContent('contact');
    await userEvent.click(box);
    await userEvent.keyboard('{ArrowDown}');
    expect(rows[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}'); // the last row stays
    expect(rows[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(rows[0]).not.toHaveFocus();
    expect(box).toHaveFocus();
  });

  it('renders hostile names and snippets as text, creating no element but mark', () => {
    const hostile = (hostileStrings as string[]).filter((value) => value.trim() !== '');
    const hits = hostile.map((value, index) =>
      hit(`h${index}`, value, [
        { field: 'industry', matchedTokens: ['x'], snippet: `<mark>x</mark>${value}` },
      ]),
    );
    renderPanel({ query: 'x', results: results('x', hits) });
    const list = screen.getByRole('list', { name: 'Search results' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const created = [...row.querySelectorAll('*')]
        .map((element) => element.localName)
        .filter((name) => ['img', 'script', 'svg', 'iframe', 'style', 'a'].includes(name));
      // The row itself is one link; nothing else comes from API text.
      expect(created).toEqual(['a']);
    }
    expect(rows[0]).toHaveTextContent(hostile[0] ?? '');
  });

  it('marks older results as stale while a newer text loads', () => {
    renderPanel({
      query: 'muelle',
      results: results('muell', [hit('o1', 'Müller GmbH', [])], 1),
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Searching for “muelle”… still showing results for “muell”',
    );
    expect(screen.getByRole('list', { name: 'Search results' }).parentElement).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.getByRole('button', { name: /Add “Software” to the search/ })).toBeDisabled();
  });

  it('refines by a facet value and says how', async () => {
    const props = renderPanel({ results: results('muell', [hit('o1', 'Müller GmbH', [])]) });
    await userEvent.click(screen.getByRole('button', { name: /Add “Software” to the search/ }));
    expect(props.onRefine).toHaveBeenCalledWith('Software');
    expect(screen.getByText(/the API has no filters/)).toBeInTheDocument();
    expect(screen.getByText(/5–1,200 employees, 300 on average/)).toBeInTheDocument();
  });

  it('says what to do when nothing matches', async () => {
    const props = renderPanel({ query: 'zzqx', results: results('zzqx', [], 0) });
    expect(screen.getByRole('alert')).toHaveTextContent('No organization matches “zzqx”');
    await userEvent.click(screen.getByRole('button', { name: /Clear search/ }));
    expect(props.onClear).toHaveBeenCalled();
  });

  it('shows a failed search with a way to retry', async () => {
    const props = renderPanel({ error: 'Insufficient permissions.' });
    expect(screen.getByText('Insufficient permissions.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalled();
  });

  it('keeps loaded rows when the next page fails, with a retry', async () => {
    const props = renderPanel({
      results: results('muell', [hit('o1', 'Müller GmbH', [])], 200),
      hasNextPage: true,
      nextPageError: 'Network error',
    });
    expect(screen.getByRole('link', { name: /Müller GmbH/ })).toBeInTheDocument();
    expect(screen.getByText(/Couldn’t load more results: Network error/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.fetchNextPage).toHaveBeenCalled();
  });

  it('shows what it is searching for while the first page loads', () => {
    renderPanel({ query: 'acme', results: null });
    expect(screen.getByRole('status')).toHaveTextContent('Searching for “acme”…');
  });
});
