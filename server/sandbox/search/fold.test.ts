import { describe, expect, it } from 'vitest';
import { foldToken } from './fold.ts';
import { foldedTokens } from './tokenize.ts';

describe('foldToken', () => {
  it.each([
    ['Müller', 'muller'],
    ['MÜLLER', 'muller'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Łódź', 'lodz'],
    ['Đakovo', 'dakovo'],
    ['Œuvre', 'oeuvre'],
    ['Ĳssel', 'ijssel'],
    ['ﬁne', 'fine'],
    ['Ḿusic', 'music'],
  ])('folds %s to %s', (raw, folded) => {
    expect(foldToken(raw)).toBe(folded);
  });

  it('strips Arabic vowel points but keeps Japanese voicing marks apart', () => {
    expect(foldToken('مُحَمَّد')).toBe('محمد');
    expect(foldToken('プ')).not.toBe(foldToken('フ'));
  });
});

describe('tokenize', () => {
  it('splits emails and websites into their parts', () => {
    expect(foldedTokens('info@Mueller.de')).toEqual(['info', 'mueller', 'de']);
    expect(foldedTokens('https://www.müller-söhne.de/en?ref=crm')).toEqual([
      'https',
      'www',
      'muller',
      'sohne',
      'de',
      'en',
      'ref',
      'crm',
    ]);
  });

  it('splits on anything that is not a letter or digit, zero-width and bidi controls included', () => {
    expect(foldedTokens('Zero\u200bwidth\u200bjoiner')).toEqual(['zero', 'width', 'joiner']);
    expect(foldedTokens('Right\u202eto-left')).toEqual(['right', 'to', 'left']);
    expect(foldedTokens('Emoji 🚀🏴‍☠️ Ltd')).toEqual(['emoji', 'ltd']);
    expect(foldedTokens(' \t<>&;--')).toEqual([]);
  });

  it('keeps Arabic and Hebrew words whole and splits CJK into characters', () => {
    expect(foldedTokens('شركة المثال للتجارة')).toEqual(['شركة', 'المثال', 'للتجارة']);
    expect(foldedTokens('חברת דוגמה בע"מ')).toEqual(['חברת', 'דוגמה', 'בע', 'מ']);
    expect(foldedTokens('ABC株式会社Tokyo')).toEqual(['abc', '株', '式', '会', '社', 'tokyo']);
  });
});
