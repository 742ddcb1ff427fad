import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermTable } from './term-table.ts';

describe('TermTable', () => {
  it('finds what was added, by term and by a mixed-case ASCII range of a text', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'x', '1'),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 3000 }), word, (added, probe) => {
        const terms: string[] = [];
        const table = new TermTable(terms);
        for (const term of added) {
          table.add(term, terms.length);
          terms.push(term);
        }
        expect(table.find(probe)).toBe(added.indexOf(probe));
        const text = `--${probe.toUpperCase()}--`;
        expect(table.findAsciiRange(text, 2, 2 + probe.length)).toBe(added.indexOf(probe));
      }),
      { numRuns: 100 },
    );
  });

  it('forgets removed terms and still finds every other one', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 2_000 }),
        fc.array(fc.nat(), { maxLength: 1_500 }),
        (added, removals) => {
          const terms: string[] = [];
          const table = new TermTable(terms);
          for (const term of added) {
            table.add(term, terms.length);
            terms.push(term);
          }
          const removed = new Set<number>();
          for (const pick of removals) {
            if (added.length === 0) break;
            const termId = pick % added.length;
            if (removed.has(termId)) continue;
            table.remove(termId);
            removed.add(termId);
          }
          expect(table.size).toBe(added.length - removed.size);
          added.forEach((term, termId) => {
            expect(table.find(term)).toBe(removed.has(termId) ? -1 : termId);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
