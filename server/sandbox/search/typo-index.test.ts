import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from './edit-distance.ts';
import { allowedTypos, TypoIndex } from './typo-index.ts';

describe('editDistanceWithin', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistanceWithin('northwind', 'nortwind', 2)).toBe(1);
    expect(editDistanceWithin('muller', 'mueller', 2)).toBe(1);
    expect(editDistanceWithin('berlin', 'berlni', 2)).toBe(1);
    expect(editDistanceWithin('berlin', 'bremen', 2)).toBe(3);
    expect(editDistanceWithin('same', 'same', 0)).toBe(0);
  });
});

describe('allowedTypos', () => {
  it('allows none below 4 characters, one from 4 and two from 8', () => {
    expect([3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('TypoIndex', () => {
  // The deletion neighbourhood with a prefix cut-off must still find every term within reach;
  // checked against a brute-force scan over random small vocabularies.
  it('finds every vocabulary term within the allowed distance', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      minLength: 3,
      maxLength: 11,
    });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, (terms, query) => {
        const index = new TypoIndex();
        terms.forEach((term, termId) => index.add(term, termId));
        const maxTypos = allowedTypos(query.length);
        const found = new Set<number>();
        index.candidates(query, maxTypos, (termId) => found.add(termId));
        terms.forEach((term, termId) => {
          if (maxTypos > 0 && editDistanceWithin(query, term, maxTypos) <= maxTypos) {
            expect(found.has(termId), `${query} → ${term}`).toBe(true);
          }
        });
      }),
      { numRuns: 400 },
    );
  });
});
