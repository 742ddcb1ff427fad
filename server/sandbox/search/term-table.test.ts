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
});
