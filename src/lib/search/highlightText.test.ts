import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptAtFirstMark, markTokens } from './highlightText.ts';

const marked = (text: string, tokens: string[]) =>
  markTokens(text, tokens)
    .filter((segment) => segment.marked)
    .map((segment) => segment.text);

describe('markTokens', () => {
  it('marks whole words where the token is one', () => {
    expect(marked('Lisbon Tiles, Lisbon', ['Lisbon'])).toEqual(['Lisbon', 'Lisbon']);
    // "de" stands as a word in the email: the "de" starting "Design" is not it.
    expect(marked('info@design.de', ['de'])).toEqual(['de']);
  });

  it('marks the words a token starts when it is never a whole word (a prefix match)', () => {
    expect(marked('Northwind Traders', ['north'])).toEqual(['North']);
  });

  it('never marks inside a word', () => {
    expect(marked('Southwind', ['wind'])).toEqual([]);
  });

  it('folds case and accents, keeping the stored spelling and combining marks', () => {
    expect(marked('ÆRØSKØBING bådeværft', ['aeroskobing', 'BADEVAERFT'])).toEqual([
      'ÆRØSKØBING',
      'bådeværft',
    ]);
    expect(marked('Straße 5', ['strasse'])).toEqual(['Straße']);
    // "é" written as "e" and a combining acute accent: the mark takes both.
    expect(marked('Cafe\u0301 Central', ['cafe'])).toEqual(['Cafe\u0301']);
    expect(marked('İzmir', ['izmir'])).toEqual(['İzmir']);
  });

  it('marks in right-to-left and CJK text', () => {
    expect(marked('شركة المثال للتجارة', ['المثال'])).toEqual(['المثال']);
    expect(marked('株式会社サンプル', ['会', '社'])).toEqual(['会社']);
  });

  it('merges overlapping and adjacent tokens into one mark', () => {
    expect(marked('Mueller Müller', ['mueller', 'muller'])).toEqual(['Mueller', 'Müller']);
    expect(marked('ab-ab', ['ab', 'ab-ab'])).toEqual(['ab-ab']);
  });

  it('gives back the text unchanged, in order, whatever the text and tokens (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string()), (text, tokens) => {
        const segments = markTokens(text, tokens);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        expect(segments.every((segment) => segment.text !== '')).toBe(true);
      }),
    );
  });
});

describe('excerptAtFirstMark', () => {
  it('cuts a long lead to its last words before the first mark', () => {
    const lead = 'word '.repeat(30);
    const [first, second] = excerptAtFirstMark(markTokens(`${lead}needle after`, ['needle']));
    expect(first?.text.startsWith('…')).toBe(true);
    expect(first!.text.length).toBeLessThanOrEqual(25);
    expect(second).toEqual({ text: 'needle', marked: true });
  });

  it('keeps short texts whole', () => {
    const segments = markTokens('Acme needle', ['needle']);
    expect(excerptAtFirstMark(segments)).toEqual(segments);
  });
});
