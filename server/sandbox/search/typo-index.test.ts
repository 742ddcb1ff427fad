import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from './edit-distance.ts';
import { referenceDistance } from './osa-reference.ts';
import { allowedTypos, TypoIndex } from './typo-index.ts';

function candidatesOf(index: TypoIndex, query: string, maxTypos: number): Set<number> {
  const found = new Set<number>();
  index.candidates(query, maxTypos, (termId) => {
    found.add(termId);
    return true;
  });
  return found;
}

const letters = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minLength: 3, maxLength });

describe('editDistanceWithin', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistanceWithin('northwind', 'nortwind', 2)).toBe(1);
    expect(editDistanceWithin('muller', 'mueller', 2)).toBe(1);
    expect(editDistanceWithin('berlin', 'berlni', 2)).toBe(1);
    expect(editDistanceWithin('berlin', 'bremen', 2)).toBe(3);
    expect(editDistanceWithin('same', 'same', 0)).toBe(0);
  });

  it('agrees with the full computation, up to max + 1', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistanceWithin(a, b, max)).toBe(Math.min(referenceDistance(a, b), max + 1));
      }),
      { numRuns: 2_000 },
    );
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
    const word = letters(11);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, (terms, query) => {
        const index = new TypoIndex();
        terms.forEach((term, termId) => index.add(term, termId));
        const maxTypos = allowedTypos(query.length);
        const found = candidatesOf(index, query, maxTypos);
        terms.forEach((term, termId) => {
          if (maxTypos > 0 && editDistanceWithin(query, term, maxTypos) <= maxTypos) {
            expect(found.has(termId), `${query} → ${term}`).toBe(true);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('forgets removed terms and still finds the others', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(letters(9), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        letters(9),
        (terms, removals, query) => {
          const index = new TypoIndex();
          terms.forEach((term, termId) => index.add(term, termId));
          const removed = new Set<number>();
          for (const pick of removals) {
            const termId = pick % terms.length;
            if (removed.has(termId)) continue;
            index.remove(terms[termId] as string, termId);
            removed.add(termId);
          }
          const maxTypos = allowedTypos(query.length);
          const found = candidatesOf(index, query, maxTypos);
          terms.forEach((term, termId) => {
            if (removed.has(termId)) expect(found.has(termId)).toBe(false);
            else if (maxTypos > 0 && referenceDistance(query, term) <= maxTypos) {
              expect(found.has(termId), `${query} → ${term}`).toBe(true);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shrinks once most of its terms are gone, and reuses their room', () => {
    const index = new TypoIndex();
    const term = (termId: number): string => `word${termId.toString(36)}`;
    for (let termId = 0; termId < 20_000; termId++) index.add(term(termId), termId);
    const grown = index.allocatedEntries;
    const live = index.entryCount;
    for (let termId = 100; termId < 20_000; termId++) index.remove(term(termId), termId);
    expect(index.entryCount).toBeLessThan(live / 50);
    expect(index.allocatedEntries).toBeLessThan(grown / 4);
    for (let termId = 0; termId < 120; termId++) {
      // One letter changed at the end: the term is one typo away.
      const found = candidatesOf(index, `${term(termId).slice(0, -1)}_`, 1);
      expect(found.has(termId), term(termId)).toBe(termId < 100);
      expect([...found].every((candidate) => candidate < 100)).toBe(true);
    }
    // Room freed by the removals is used again.
    for (let termId = 100; termId < 2_000; termId++) index.add(term(termId), termId);
    expect(index.allocatedEntries).toBeLessThan(grown / 4);
  });

  it('grows a page at a time, however many terms it holds', () => {
    const index = new TypoIndex();
    let largestStep = 0;
    for (let termId = 0; termId < 60_000; termId++) {
      const before = index.allocatedEntries;
      index.add(`term${termId.toString(36)}x`, termId);
      largestStep = Math.max(largestStep, index.allocatedEntries - before);
    }
    expect(index.entryCount).toBeGreaterThan(1_000_000);
    expect(largestStep).toBeLessThanOrEqual(32_768);
  });

  it('stops when the visitor says so', () => {
    const index = new TypoIndex();
    for (let termId = 0; termId < 50; termId++) index.add(`abcdefg${termId}`, termId);
    let visits = 0;
    index.candidates('abcdefg', 1, () => ++visits < 10);
    expect(visits).toBe(10);
  });
});
