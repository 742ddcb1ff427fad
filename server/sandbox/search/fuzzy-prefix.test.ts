import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFuzzyPrefixMatch } from './fuzzy-prefix.ts';
import { referenceDistance } from './osa-reference.ts';
import { SortedTerms } from './sorted-terms.ts';
import { allowedTypos } from './typo-index.ts';

type Visits = Map<string, [distance: number, lastLetterKept: boolean]>;

/** What the walk must report, from every prefix of every term, computed in full. */
function expectedVisits(terms: readonly string[], token: string): Visits {
  const maxTypos = allowedTypos(token.length);
  const visits: Visits = new Map();
  for (const term of terms) {
    if (term[0] !== token[0] || term.startsWith(token)) continue;
    let distance = Number.POSITIVE_INFINITY;
    let kept = Number.POSITIVE_INFINITY;
    for (let length = 1; length <= term.length; length++) {
      distance = Math.min(distance, referenceDistance(token, term.slice(0, length)));
      if (term[length - 1] === token[token.length - 1]) {
        kept = Math.min(kept, referenceDistance(token.slice(0, -1), term.slice(0, length - 1)));
      }
    }
    if (distance <= maxTypos) visits.set(term, [distance, kept === distance]);
  }
  return visits;
}

function walk(list: SortedTerms, terms: string[], token: string) {
  const visits: Visits = new Map();
  const steps = forEachFuzzyPrefixMatch(
    list,
    terms,
    token,
    allowedTypos(token.length),
    100_000,
    (termId, distance, lastLetterKept) => {
      visits.set(terms[termId] as string, [distance, lastLetterKept]);
    },
  );
  return { visits, finished: steps <= 100_000 };
}

describe('forEachFuzzyPrefixMatch', () => {
  const word = (minLength: number) =>
    fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength, maxLength: 11 });

  // Several tokens of different lengths per vocabulary: nothing of one walk may leak into the next.
  it('reports exactly the terms a full computation over every prefix finds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word(1), { minLength: 1, maxLength: 80 }),
        fc.array(word(4), { minLength: 1, maxLength: 4 }),
        (terms, queries) => {
          const list = new SortedTerms(terms);
          list.rebuild(
            terms.map((_, termId) => termId),
            (term) => terms.indexOf(term),
          );
          for (const token of queries) {
            const { visits, finished } = walk(list, terms, token);
            expect(finished).toBe(true);
            expect(visits, token).toEqual(expectedVisits(terms, token));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stops after its step budget', () => {
    const terms = Array.from({ length: 500 }, (_, i) => `nor${i.toString(2)}`);
    const list = new SortedTerms(terms);
    list.rebuild(
      terms.map((_, termId) => termId),
      (term) => terms.indexOf(term),
    );
    let visited = 0;
    const steps = forEachFuzzyPrefixMatch(list, terms, 'norx', 1, 50, () => visited++);
    expect(steps).toBe(51);
    expect(visited).toBeLessThan(50);
    // Unbounded, it reports every one of them ("nor" + a wrong last letter).
    visited = 0;
    forEachFuzzyPrefixMatch(list, terms, 'norx', 1, 100_000, () => visited++);
    expect(visited).toBe(500);
  });
});
