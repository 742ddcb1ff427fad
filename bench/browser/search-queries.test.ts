import { describe, expect, it } from 'vitest';
import type { SearchOrganizationResultDto } from '../../server/sandbox/types.ts';
import { hasHighlightedHit, takeEvenly } from './search-queries.ts';

describe('takeEvenly', () => {
  it('takes evenly across the list, starting with the first', () => {
    expect(takeEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 2, 5, 7]);
  });

  it('takes everything from a list no longer than asked', () => {
    expect(takeEvenly(['a', 'b'], 5)).toEqual(['a', 'b']);
  });
});

describe('hasHighlightedHit', () => {
  const results = (snippets: string[]) =>
    ({
      found: snippets.length,
      outOf: 10,
      page: 1,
      searchTimeMs: 1,
      facetCounts: [],
      hits: snippets.map((snippet) => ({
        organization: { id: 'x', name: 'x' },
        highlights: [{ field: 'name', matchedTokens: [], snippet }],
        textMatch: 1,
      })),
    }) as unknown as SearchOrganizationResultDto;

  it('is true when a snippet marks a match', () => {
    expect(hasHighlightedHit(results(['Acme', '<mark>Nort</mark>hwind']))).toBe(true);
  });

  it('is false for hits without marks and for no hits', () => {
    expect(hasHighlightedHit(results(['Acme']))).toBe(false);
    expect(hasHighlightedHit(results([]))).toBe(false);
  });
});
