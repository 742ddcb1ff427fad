import { describe, expect, it } from 'vitest';
import { presentFacets } from './searchFacets.ts';
import { fieldLabel, presentHit, sameShownHit } from './searchHitFields.ts';
import { nextSearchPage, uniqueHits } from './searchPaging.ts';
import { readSearchParam, refineSearchText, searchTerm, withSearchParam } from './searchQuery.ts';
import type { OrganizationData, SearchHitData, SearchResultData } from './searchTypes.ts';

function organization(id: string, name = `Org ${id}`): OrganizationData {
  return {
    id,
    name,
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    variables: {},
  };
}

function hit(id: string, highlights: SearchHitData['highlights'] = []): SearchHitData {
  return { organization: organization(id), highlights, textMatch: '1' };
}

function page(pageNumber: number, ids: string[], found: number): SearchResultData {
  return {
    page: pageNumber,
    found,
    outOf: 1000,
    searchTimeMs: 1,
    facetCounts: [],
    hits: ids.map((id) => hit(id)),
  };
}

describe('presentHit', () => {
  it('takes the name apart from the other matched fields, each with its stored text', () => {
    const presented = presentHit({
      ...hit('a', [
        { field: 'name', matchedTokens: ['Müller'], snippet: '<mark>Müller</mark> GmbH' },
        { field: 'email', matchedTokens: ['muell'], snippet: 'info@<mark>muell</mark>er.de' },
        { field: 'variables.crm id', matchedTokens: ['m1'], snippet: '<mark>m1</mark>' },
      ]),
      organization: {
        ...organization('a', 'Müller GmbH'),
        email: 'info@mueller.de',
        variables: { 'crm id': 'm1' },
      },
    });
    expect(presented.nameHighlight).toEqual({ text: 'Müller GmbH', tokens: ['Müller'] });
    expect(presented.otherMatches).toEqual([
      {
        field: 'email',
        label: 'Email',
        highlight: { text: 'info@mueller.de', tokens: ['muell'] },
      },
      {
        field: 'variables.crm id',
        label: 'Variable crm id',
        highlight: { text: 'm1', tokens: ['m1'] },
      },
    ]);
  });

  it('keeps the raw snippet only where the field has no stored text to mark', () => {
    const presented = presentHit(
      hit('a', [
        { field: 'address.location', matchedTokens: ['Köln'], snippet: '<mark>Köln</mark>' },
        { field: 'notes', matchedTokens: ['x'], snippet: '<mark>x</mark>' },
      ]),
    );
    expect(presented.nameHighlight).toBeNull();
    expect(presented.otherMatches.map((match) => [match.label, match.highlight])).toEqual([
      ['City', { snippet: '<mark>Köln</mark>' }],
      ['notes', { snippet: '<mark>x</mark>' }],
    ]);
  });

  it('reads only own keys of the address and the variables', () => {
    const presented = presentHit({
      ...hit('a', [{ field: 'variables.constructor', matchedTokens: ['x'], snippet: 'x' }]),
      organization: { ...organization('a'), variables: {} },
    });
    expect(presented.otherMatches[0]?.highlight).toEqual({ snippet: 'x' });
  });

  it('names address fields in words and passes unknown fields through', () => {
    expect(fieldLabel('address.zipcode')).toBe('Postcode');
    expect(fieldLabel('address.houseNumber')).toBe('House number');
    expect(fieldLabel('phoneNumber')).toBe('phoneNumber');
  });
});

describe('sameShownHit', () => {
  const name = { field: 'name', matchedTokens: ['Org'], snippet: '<mark>Org</mark> o1' };
  const email = { field: 'email', matchedTokens: ['info'], snippet: '<mark>info</mark>@o1.de' };
  const source = hit('o1', [name, email]);
  const base = presentHit(source);

  it('treats a hit from a newer response that shows the same as the same', () => {
    const again = presentHit(structuredClone(source));
    expect(again).not.toBe(base);
    expect(sameShownHit(base, again)).toBe(true);
  });

  it('tells apart a different highlight, name, email or organization', () => {
    const withHighlights = (highlights: SearchHitData['highlights'], id = 'o1') =>
      presentHit(hit(id, highlights));
    expect(sameShownHit(base, withHighlights([{ ...name, matchedTokens: ['o1'] }, email]))).toBe(
      false,
    );
    expect(
      sameShownHit(base, withHighlights([name, { ...email, snippet: 'info@<mark>o1</mark>.de' }])),
    ).toBe(false);
    expect(sameShownHit(base, withHighlights([name]))).toBe(false);
    expect(sameShownHit(base, withHighlights([name, email], 'o2'))).toBe(false);
    const renamed = presentHit({
      ...hit('o1', [name, email]),
      organization: organization('o1', 'Renamed'),
    });
    expect(sameShownHit(base, renamed)).toBe(false);
    const emailed = presentHit({
      ...hit('o1', [name, email]),
      organization: { ...organization('o1'), email: 'new@o1.de' },
    });
    expect(sameShownHit(base, emailed)).toBe(false);
  });
});

describe('search paging', () => {
  it('asks for the next page until every found hit is fetched', () => {
    expect(nextSearchPage(page(1, ['a', 'b'], 5), 2)).toBe(2);
    expect(nextSearchPage(page(2, ['c', 'd'], 5), 2)).toBe(3);
    expect(nextSearchPage(page(3, ['e'], 5), 2)).toBeUndefined();
    expect(nextSearchPage(page(2, ['c', 'd'], 4), 2)).toBeUndefined();
  });

  it('stops at an empty page even when found claims more', () => {
    expect(nextSearchPage(page(4, [], 1000), 2)).toBeUndefined();
  });

  it('shows each organization once when hits shift between pages', () => {
    const hits = uniqueHits([page(1, ['a', 'b'], 4), page(2, ['b', 'c'], 4)]);
    expect(hits.map((entry) => entry.organization.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('search text in the URL', () => {
  it('reads and writes q, keeping other parameters', () => {
    const params = new URLSearchParams('tab=all&q=m%C3%BCller');
    expect(readSearchParam(params)).toBe('müller');
    expect(withSearchParam(params, 'acme &co').toString()).toBe('tab=all&q=acme+%26co');
    expect(withSearchParam(params, '').toString()).toBe('tab=all');
    expect(readSearchParam(new URLSearchParams(''))).toBe('');
  });

  it('searches for trimmed text and not at all for blank text', () => {
    expect(searchTerm('  müller ')).toBe('müller');
    expect(searchTerm(' \t ')).toBeNull();
  });
});

describe('refineSearchText', () => {
  it('adds a facet value to the search text', () => {
    expect(refineSearchText('müller', 'Software')).toBe('müller Software');
    expect(refineSearchText(' acme ', 'United Kingdom')).toBe('acme United Kingdom');
  });

  it('leaves the text alone when the value is in it already, ignoring case and accents', () => {
    expect(refineSearchText('software mueller', 'Software')).toBe('software mueller');
    expect(refineSearchText('Osterreich gmbh', 'Österreich')).toBe('Osterreich gmbh');
  });

  it('replaces a search for everything', () => {
    expect(refineSearchText('*', 'Retail')).toBe('Retail');
    expect(refineSearchText('', 'Retail')).toBe('Retail');
  });
});

describe('presentFacets', () => {
  it('lists industry and country values by count and the size range from stats', () => {
    const facets = presentFacets([
      {
        fieldName: 'industry',
        counts: [
          { value: 'Retail', count: 3, highlighted: 'Retail' },
          { value: 'Software', count: 9, highlighted: 'Software' },
          { value: '  ', count: 4, highlighted: '  ' },
        ],
      },
      { fieldName: 'size', counts: [], stats: { min: 2, max: 950, avg: 120.5, sum: 2410 } },
    ]);
    expect(facets.textFacets).toEqual([
      {
        field: 'industry',
        label: 'Industry',
        values: [
          { value: 'Software', count: 9 },
          { value: 'Retail', count: 3 },
        ],
      },
    ]);
    expect(facets.sizeRange).toEqual({ min: 2, max: 950, avg: 120.5 });
  });

  it('has no size range when the server sent no stats', () => {
    expect(presentFacets([{ fieldName: 'size', counts: [] }]).sizeRange).toBeNull();
  });
});
