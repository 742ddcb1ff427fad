import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedTerms } from './sorted-terms.ts';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '1'), maxLength: 5 });

describe('SortedTerms', () => {
  // Compared with a sorted array under random inserts and removals (enough to split blocks).
  it('walks prefixes and seeks as a sorted array would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), word), { maxLength: 1_500 }),
        word,
        (operations, probe) => {
          const terms: string[] = [];
          const list = new SortedTerms(terms);
          const held = new Map<string, number>();
          for (const [insert, term] of operations) {
            if (insert && !held.has(term)) {
              terms.push(term);
              held.set(term, terms.length - 1);
              list.insert(terms.length - 1);
            } else if (!insert && held.has(term)) {
              list.remove(held.get(term) as number);
              held.delete(term);
            }
          }
          const sorted = [...held.keys()].sort();
          expect(list.size).toBe(sorted.length);
          const withPrefix: string[] = [];
          list.forEachWithPrefix(probe, (termId) => withPrefix.push(terms[termId] as string));
          expect(withPrefix).toEqual(sorted.filter((term) => term.startsWith(probe)));
          const walked: string[] = [];
          for (const cursor = list.seek(probe); !cursor.done; cursor.next()) {
            walked.push(terms[cursor.termId] as string);
          }
          expect(walked).toEqual(sorted.filter((term) => term >= probe));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is rebuilt in order from ids in any order', () => {
    const terms = ['delta', 'alpha', 'charlie', 'bravo'];
    const list = new SortedTerms(terms);
    list.rebuild([0, 1, 2, 3], (term) => terms.indexOf(term));
    const walked: string[] = [];
    for (const cursor = list.seek(''); !cursor.done; cursor.next()) {
      walked.push(terms[cursor.termId] as string);
    }
    expect(walked).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
  });
});
