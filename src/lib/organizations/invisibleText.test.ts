import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeInvisible, invisibleParts, withoutInvisible } from './invisibleText.ts';

describe('hidden characters', () => {
  it('names each kind once, with its count, in the order met', () => {
    expect(describeInvisible('Zero\u200bwidth  double\u202e')?.description).toBe(
      '1 zero-width space, 2 extra spaces, 1 right-to-left override',
    );
    expect(describeInvisible(' edge')?.description).toBe('1 extra space');
    expect(describeInvisible('non\u00a0breaking\ttab')?.description).toBe(
      '1 non-breaking space, 1 tab',
    );
  });

  it('finds nothing in ordinary text, emoji sequences and Persian joiners included', () => {
    for (const text of ['Acme GmbH', 'Emoji 👩🏽‍💻 Ltd', 'می‌خواهم', 'شركة المثال', 'a b c']) {
      expect(describeInvisible(text)).toBeUndefined();
    }
  });

  it('flags a joiner between plain letters', () => {
    expect(describeInvisible('Zero\u200dwidth')?.description).toBe('1 zero-width joiner');
  });

  it('lets line breaks be in a multi-line value', () => {
    expect(describeInvisible('one\ntwo', { multiline: true })).toBeUndefined();
    expect(describeInvisible('one\ntwo')?.description).toBe('1 control character');
  });

  it('shows markers in place of what cannot be seen', () => {
    expect(invisibleParts('a\u200bb  c')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'marker', label: 'ZWSP', name: 'zero-width space' },
      { kind: 'text', text: 'b' },
      { kind: 'marker', label: '·', name: 'space' },
      { kind: 'marker', label: '·', name: 'space' },
      { kind: 'text', text: 'c' },
    ]);
  });

  it('cleans: unusual spaces become one plain space, the rest goes, edges trimmed', () => {
    expect(withoutInvisible('  Zero\u200bwidth\u00a0 \tdouble\u202e ')).toBe('Zerowidth double');
  });

  it('leaves nothing to flag once cleaned, and changes clean text not at all (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const cleaned = withoutInvisible(text);
        if (describeInvisible(text) === undefined) expect(cleaned).toBe(text);
        expect(describeInvisible(cleaned)).toBeUndefined();
      }),
    );
  });
});
