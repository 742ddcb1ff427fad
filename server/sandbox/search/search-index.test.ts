import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json' with { type: 'json' };
import { createSearchIndex } from './index.ts';
import {
  hitNames as names,
  searchIndex as search,
  testOrganization as organization,
} from './test-organizations.ts';
import { foldedTokens } from './tokenize.ts';
import type { SearchIndex } from './types.ts';

describe('matching', () => {
  it('folds case and diacritics on both sides', () => {
    const index = createSearchIndex([
      organization({ name: 'Müller & Söhne GmbH' }),
      organization({ name: 'Other' }),
    ]);
    expect(names(search(index, 'muller'))).toEqual(['Müller & Söhne GmbH']);
    expect(names(search(index, 'SÖHNE'))).toEqual(['Müller & Söhne GmbH']);
    expect(names(search(index, 'sohne gmbh'))).toEqual(['Müller & Söhne GmbH']);
  });

  it('matches the last token as a prefix', () => {
    const index = createSearchIndex([
      organization({ name: 'Northwind Traders' }),
      organization({ name: 'Southwind' }),
    ]);
    expect(names(search(index, 'nor'))).toEqual(['Northwind Traders']);
    expect(names(search(index, 'northwind tr'))).toEqual(['Northwind Traders']);
    expect(names(search(index, 'n'))).toEqual(['Northwind Traders']);
  });

  it('finds emails and websites by their parts', () => {
    const index = createSearchIndex([
      organization({ name: 'A', email: 'info@mueller.de', website: 'https://www.mueller-bau.de' }),
      organization({ name: 'B', email: 'sales@schmidt.at' }),
    ]);
    expect(names(search(index, 'mueller.de'))).toEqual(['A']);
    expect(names(search(index, 'schmidt'))).toEqual(['B']);
    expect(names(search(index, 'bau'))).toEqual(['A']);
  });

  it('finds Arabic, Hebrew and Japanese names', () => {
    const index = createSearchIndex([
      organization({ name: 'شركة المثال للتجارة' }),
      organization({ name: 'חברת דוגמה בע"מ' }),
      organization({ name: '株式会社サンプル' }),
    ]);
    expect(names(search(index, 'المثال'))).toEqual(['شركة المثال للتجارة']);
    expect(names(search(index, 'דוגמה'))).toEqual(['חברת דוגמה בע"מ']);
    expect(names(search(index, 'サンプル'))).toEqual(['株式会社サンプル']);
  });

  describe('typo tolerance', () => {
    const index = createSearchIndex([
      organization({ name: 'Cat Care' }),
      organization({ name: 'Bolt Logistics' }),
      organization({ name: 'Northwind Traders' }),
    ]);

    it('allows no typo in tokens of three letters', () => {
      expect(search(index, 'cot').found).toBe(0);
    });

    it('allows one typo from four letters, not two', () => {
      expect(names(search(index, 'bold'))).toEqual(['Bolt Logistics']);
      expect(names(search(index, 'blot'))).toEqual(['Bolt Logistics']);
      expect(search(index, 'bxld').found).toBe(0);
      expect(search(index, 'nrthwid').found).toBe(0);
    });

    it('allows two typos from eight letters', () => {
      expect(names(search(index, 'nortwind'))).toEqual(['Northwind Traders']);
      expect(names(search(index, 'nortwimd'))).toEqual(['Northwind Traders']);
      expect(search(index, 'nxrtwimd').found).toBe(0);
    });
  });

  it('requires every token to match some field', () => {
    const index = createSearchIndex([
      organization({ name: 'Bakery One', address: { location: 'Hamburg' } }),
      organization({ name: 'Bakery Two', address: { location: 'Berlin' } }),
      organization({ name: 'Hamburg Metal' }),
    ]);
    expect(names(search(index, 'bakery hamburg'))).toEqual(['Bakery One']);
    expect(names(search(index, 'hamburg bakery'))).toEqual(['Bakery One']);
  });

  it('drops tokens from the right until something matches', () => {
    const index = createSearchIndex([
      organization({ name: 'Hamburg Metal' }),
      organization({ name: 'Kiel Wood' }),
    ]);
    expect(names(search(index, 'hamburg zzzzzz'))).toEqual(['Hamburg Metal']);
    expect(search(index, 'zzzzzz hamburg').found).toBe(0);
    expect(names(search(index, 'metal hamburg zzzzzz qqqqqq'))).toEqual(['Hamburg Metal']);
  });

  it('matches nothing for a query without letters or digits, and everything for *', () => {
    const index = createSearchIndex([
      organization({ name: 'Alpha' }),
      organization({ name: 'Beta' }),
    ]);
    for (const query of ['', '   ', '-- ; <>']) {
      const result = search(index, query);
      expect(result.found).toBe(0);
      expect(result.hits).toEqual([]);
      expect(result.outOf).toBe(2);
    }
    expect(names(search(index, '*'))).toEqual(['Beta', 'Alpha']);
    expect(search(index, ' * ').found).toBe(2);
  });
});

describe('ranking', () => {
  it('puts an exact token before a prefix before a typo, whatever their age', () => {
    const index = createSearchIndex([
      organization({ name: 'Mars Logistics' }),
      organization({ name: 'Marsh Foods' }),
      organization({ name: 'Mark Foods' }),
    ]);
    expect(names(search(index, 'mars'))).toEqual(['Mars Logistics', 'Marsh Foods', 'Mark Foods']);
  });

  it('puts one typo before two', () => {
    const index = createSearchIndex([
      organization({ name: 'Cornerstone' }),
      organization({ name: 'Cornerstine' }),
    ]);
    // "cornerstinx" is one substitution from Cornerstine and two from Cornerstone.
    expect(names(search(index, 'cornerstinx'))).toEqual(['Cornerstine', 'Cornerstone']);
  });

  it('puts a match in the name before one in other fields', () => {
    const index = createSearchIndex([
      organization({ name: 'Delta Works', email: 'info@works.com' }),
      organization({ name: 'Omega', email: 'delta@omega.com' }),
      organization({ name: 'Sigma', variables: { note: 'delta' } }),
    ]);
    expect(names(search(index, 'delta'))).toEqual(['Delta Works', 'Omega', 'Sigma']);
  });

  it('breaks ties by newest first, then by id', () => {
    const older = organization({ name: 'Twin' });
    const newer = organization({ name: 'Twin' });
    const sameTimeB = { ...organization({ name: 'Twin' }), id: 'b-twin' };
    const sameTimeA = { ...sameTimeB, id: 'a-twin' };
    const index = createSearchIndex([older, sameTimeB, newer, sameTimeA]);
    expect(search(index, 'twin').hits.map((hit) => hit.organization.id)).toEqual([
      'a-twin',
      'b-twin',
      newer.id,
      older.id,
    ]);
  });

  it('reports textMatch as a numeric string that orders the hits', () => {
    const index = createSearchIndex([
      organization({ name: 'Mars' }),
      organization({ name: 'Mark' }),
    ]);
    const scores = search(index, 'mars').hits.map((hit) => Number(hit.textMatch));
    expect(scores.every(Number.isFinite)).toBe(true);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
  });
});

describe('highlights', () => {
  it('gives one highlight per matched field, name first, with dotted paths', () => {
    const index = createSearchIndex([
      organization({
        name: 'Lisbon Tiles',
        email: 'info@lisbon-tiles.pt',
        address: { location: 'Lisbon', street: 'Rua Augusta' },
        variables: { region: 'Greater Lisbon' },
      }),
    ]);
    const [hit] = search(index, 'lisbon').hits;
    expect(hit?.highlights).toEqual([
      { field: 'name', matchedTokens: ['Lisbon'], snippet: '<mark>Lisbon</mark> Tiles' },
      { field: 'email', matchedTokens: ['lisbon'], snippet: 'info@<mark>lisbon</mark>-tiles.pt' },
      { field: 'address.location', matchedTokens: ['Lisbon'], snippet: '<mark>Lisbon</mark>' },
      {
        field: 'variables.region',
        matchedTokens: ['Lisbon'],
        snippet: 'Greater <mark>Lisbon</mark>',
      },
    ]);
  });

  it('cuts long texts to a window around the first match', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
    words[60] = 'Needle';
    const index = createSearchIndex([
      organization({ name: 'Long', variables: { notes: words.join(' ') } }),
    ]);
    const [highlight] = search(index, 'needle').hits[0]?.highlights ?? [];
    expect(highlight?.snippet).toContain('<mark>Needle</mark>');
    expect(highlight?.snippet.startsWith('word0 ')).toBe(false);
    expect(highlight?.snippet.split(' ').length).toBeLessThanOrEqual(30);
    expect(highlight?.snippet).toContain('word59 <mark>Needle</mark> word61');
  });

  it('keeps the raw text of hostile names and marks only the matched tokens', () => {
    const withTokens = hostileStrings.filter((text) => foldedTokens(text).length > 0);
    const hostile = withTokens.map((name) => organization({ name }));
    const index = createSearchIndex(hostile);
    expect(index.size).toBe(withTokens.length);
    for (const stored of hostile) {
      const queryToken = foldedTokens(stored.name)[0] as string;
      const hit = search(index, queryToken, { pageSize: 250 }).hits.find(
        (candidate) => candidate.organization.id === stored.id,
      );
      expect(hit, stored.name).toBeDefined();
      const name = hit?.highlights.find((highlight) => highlight.field === 'name');
      expect(name, stored.name).toBeDefined();
      if (!name) continue;
      // Every matched token is a raw token of the name that starts with the query token…
      for (const token of name.matchedTokens) {
        expect(foldedTokens(token).join('').startsWith(queryToken), stored.name).toBe(true);
      }
      // …and taking the marks off the matched tokens gives back the raw name, unescaped.
      let unmarked = name.snippet;
      for (const token of name.matchedTokens)
        unmarked = unmarked.replaceAll(`<mark>${token}</mark>`, token);
      expect(unmarked).toBe(stored.name);
      expect(name.snippet).not.toContain('&lt;mark');
    }
  });

  it('does not escape markup in snippets', () => {
    const index = createSearchIndex([
      organization({ name: '</mark><img src=x onerror=alert(1)><mark>' }),
    ]);
    expect(search(index, 'img').hits[0]?.highlights[0]).toEqual({
      field: 'name',
      matchedTokens: ['img'],
      snippet: '</mark><<mark>img</mark> src=x onerror=alert(1)><mark>',
    });
  });
});

describe('facets', () => {
  const industries = ['Retail', 'Retail', 'Retail', 'Banking', 'Banking', 'Mining'];
  const build = (): SearchIndex =>
    createSearchIndex([
      ...industries.map((industry, i) =>
        organization({
          name: `Shop ${i}`,
          industry,
          size: (i + 1) * 10,
          address: { country: i < 2 ? 'Germany' : 'Austria' },
        }),
      ),
      organization({ name: 'Elsewhere', industry: 'Retail', size: 5000 }),
    ]);

  it('counts industry, country and size over all found hits, not only the page', () => {
    const result = search(build(), 'shop', { pageSize: 1 });
    expect(result.found).toBe(6);
    expect(result.hits).toHaveLength(1);
    const byField = Object.fromEntries(result.facetCounts.map((facet) => [facet.fieldName, facet]));
    expect(byField.industry?.counts).toEqual([
      { count: 3, value: 'Retail', highlighted: 'Retail' },
      { count: 2, value: 'Banking', highlighted: 'Banking' },
      { count: 1, value: 'Mining', highlighted: 'Mining' },
    ]);
    expect(byField['address.country']?.counts.map((count) => [count.value, count.count])).toEqual([
      ['Austria', 4],
      ['Germany', 2],
    ]);
    expect(byField.size?.counts).toHaveLength(6);
    expect(byField.size?.stats).toEqual({ min: 10, max: 60, sum: 210, avg: 35 });
  });

  it('keeps the ten most frequent values', () => {
    const index = createSearchIndex(
      Array.from({ length: 12 }, (_, i) =>
        Array.from({ length: i + 1 }, () =>
          organization({ name: 'Firm', industry: `Industry ${i}` }),
        ),
      ).flat(),
    );
    const industry = search(index, 'firm').facetCounts.find(
      (facet) => facet.fieldName === 'industry',
    );
    expect(industry?.counts.map((count) => count.value)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Industry ${11 - i}`),
    );
  });
});

describe('hidden hits and paging', () => {
  const firms = Array.from({ length: 25 }, (_, i) =>
    organization({ name: `Acme ${i}`, industry: 'Tools' }),
  );
  const index = createSearchIndex(firms);

  it('leaves hidden ids out of hits, found and facets', () => {
    const hidden = [firms[24]?.id as string, firms[3]?.id as string];
    const result = search(index, 'acme', { hiddenHits: hidden, pageSize: 250 });
    expect(result.found).toBe(23);
    expect(result.hits.map((hit) => hit.organization.id)).not.toContain(hidden[0]);
    expect(result.hits.map((hit) => hit.organization.id)).not.toContain(hidden[1]);
    expect(result.facetCounts[0]?.counts).toEqual([
      { count: 23, value: 'Tools', highlighted: 'Tools' },
    ]);
    expect(search(index, '*', { hiddenHits: hidden }).found).toBe(23);
  });

  it('pages through the same order without gaps or repeats', () => {
    const all = search(index, 'acme', { pageSize: 250 }).hits.map((hit) => hit.organization.id);
    const paged = [1, 2, 3].flatMap((page) =>
      search(index, 'acme', { page, pageSize: 10 }).hits.map((hit) => hit.organization.id),
    );
    expect(paged).toEqual(all);
    expect(all).toHaveLength(25);
  });

  it('returns no hits but the right found beyond the last page', () => {
    const result = search(index, 'acme', { page: 4, pageSize: 10 });
    expect(result.hits).toEqual([]);
    expect(result.found).toBe(25);
    expect(result.page).toBe(4);
  });
});

describe('writes', () => {
  it('shows upserts and removals to the next search', () => {
    const first = organization({ name: 'Original Name', industry: 'Retail' });
    const index = createSearchIndex([first, organization({ name: 'Bystander' })]);
    expect(index.size).toBe(2);

    index.upsert({ ...first, name: 'Renamed Firm', industry: 'Banking' });
    expect(search(index, 'original').found).toBe(0);
    const renamed = search(index, 'renamed');
    expect(names(renamed)).toEqual(['Renamed Firm']);
    expect(renamed.facetCounts[0]?.counts).toEqual([
      { count: 1, value: 'Banking', highlighted: 'Banking' },
    ]);
    expect(index.size).toBe(2);

    const added = organization({ name: 'Fresh Start' });
    index.upsert(added);
    expect(names(search(index, 'fresh'))).toEqual(['Fresh Start']);
    expect(search(index, '*').outOf).toBe(3);

    index.remove(first.id);
    expect(search(index, 'renamed').found).toBe(0);
    expect(search(index, '*').found).toBe(2);
    expect(index.size).toBe(2);
    index.remove('unknown-id');
    expect(index.size).toBe(2);
  });

  it('reuses a removed slot without mixing up documents', () => {
    const gone = organization({ name: 'Gone Away' });
    const index = createSearchIndex([gone, organization({ name: 'Stays' })]);
    index.remove(gone.id);
    index.upsert(organization({ name: 'Newcomer' }));
    expect(search(index, 'gone').found).toBe(0);
    expect(names(search(index, 'newcomer'))).toEqual(['Newcomer']);
    expect(names(search(index, '*'))).toEqual(['Newcomer', 'Stays']);
  });
});
