import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFuzzyPrefixMatch } from './fuzzy-prefix.ts';
import { referenceDistance } from './osa-reference.ts';
import { SortedTerms } from './sorted-terms.ts';
import { allowedTypos } from './typo-index.ts';

type Visits = Map<string, [distance: number, lastLetterKept: boolean]>;

/** What the walk must report, from every prefix of every term, computed in full. */
function expectedVisits(terms: readonly string[], token: string, lastLetterMayGo: boolean): Visits {
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
    if (distance > maxTypos) continue;
    if (kept === distance) visits.set(term, [distance, true]);
    else if (lastLetterMayGo) visits.set(term, [distance, false]);
    else if (kept <= maxTypos) visits.set(term, [kept, true]);
  }
  return visits;
}

function walk(list: SortedTerms, terms: string[], token: string, lastLetterMayGo: boolean) {
  const visits: Visits = new Map();
  const finished = forEachFuzzyPrefixMatch(
    list,
    terms,
    token,
    allowedTypos(token.length),
    100_000,
    lastLetterMayGo,
    (termId, distance, lastLetterKept) => {
      visits.set(terms[termId] as string, [distance, lastLetterKept]);
    },
  );
  return { visits, finished };
}

describe('forEachFuzzyPrefixMatch', () => {
  const word = (minLength: number) =>
    fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength, maxLength: 11 });

  // Several tokens of different lengths per vocabulary: nothing of one walk may leak into the next.
  it('reports exactly the terms a full computation over every prefix finds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word(1), { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(word(4), fc.boolean()), { minLength: 1, maxLength: 4 }),
        (terms, queries) => {
          const list = new SortedTerms(terms);
          list.rebuild(
            terms.map((_, termId) => termId),
            (term) => terms.indexOf(term),
          );
          for (const [token, lastLetterMayGo] of queries) {
            const { visits, finished } = walk(list, terms, token, lastLetterMayGo);
            expect(finished).toBe(true);
            expect(visits, token).toEqual(expectedVisits(terms, token, lastLetterMayGo));
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
    const finished = forEachFuzzyPrefixMatch(list, terms, 'norx', 1, 50, true, () => visited++);
    expect(finished).toBe(false);
    expect(visited).toBeLessThan(50);
  });
});
