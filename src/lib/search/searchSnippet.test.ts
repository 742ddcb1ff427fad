import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json' with { type: 'json' };
import { snippetText, splitSnippet } from './searchSnippet.ts';

describe('splitSnippet', () => {
  it('splits a snippet into plain and highlighted runs', () => {
    expect(splitSnippet('info@<mark>muell</mark>er.de')).toEqual([
      { text: 'info@', marked: false },
      { text: 'muell', marked: true },
      { text: 'er.de', marked: false },
    ]);
  });

  it('keeps markup other than the two mark tags as text', () => {
    expect(splitSnippet('<<mark>img</mark> src=x onerror=alert(1)>')).toEqual([
      { text: '<', marked: false },
      { text: 'img', marked: true },
      { text: ' src=x onerror=alert(1)>', marked: false },
    ]);
    expect(splitSnippet('"><script>alert(<mark>document</mark>.domain)</script>')).toEqual([
      { text: '"><script>alert(', marked: false },
      { text: 'document', marked: true },
      { text: '.domain)</script>', marked: false },
    ]);
  });

  it('does not decode entities', () => {
    expect(snippetText('&lt;b&gt;<mark>escaped</mark>&lt;/b&gt; &amp;')).toBe(
      '&lt;b&gt;escaped&lt;/b&gt; &amp;',
    );
  });

  it('highlights nested marks once and ignores a stray closing tag', () => {
    expect(splitSnippet('a<mark>b<mark>c</mark>d</mark>e</mark>f')).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'ef', marked: false },
    ]);
    expect(splitSnippet('</mark>x')).toEqual([{ text: 'x', marked: false }]);
  });

  it('highlights to the end when a mark is never closed', () => {
    expect(splitSnippet('plain <mark>rest')).toEqual([
      { text: 'plain ', marked: false },
      { text: 'rest', marked: true },
    ]);
  });

  it('treats tags that are not exactly <mark> or </mark> as text', () => {
    expect(snippetText('<MARK>a</MARK> <mark class="x">b</mark > <mark/>')).toBe(
      '<MARK>a</MARK> <mark class="x">b</mark > <mark/>',
    );
  });

  it('splits marks inside attribute-like text', () => {
    expect(splitSnippet('<a title="<mark>x</mark>">')).toEqual([
      { text: '<a title="', marked: false },
      { text: 'x', marked: true },
      { text: '">', marked: false },
    ]);
  });

  it('returns nothing for an empty snippet or one of only tags', () => {
    expect(splitSnippet('')).toEqual([]);
    expect(splitSnippet('<mark></mark></mark><mark>')).toEqual([]);
  });

  it('reads a very long hostile snippet quickly', () => {
    const unclosed = '<mark>'.repeat(50_000) + 'x'.repeat(100_000) + '</mark'.repeat(50_000);
    const started = performance.now();
    const segments = splitSnippet(unclosed);
    expect(performance.now() - started).toBeLessThan(500);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.marked).toBe(true);
    expect(segments[0]?.text.length).toBe(100_000 + '</mark'.length * 50_000);
  });

  it('never leaves a mark tag inside a run, and keeps every other character in order', () => {
    const pieces = fc.constantFrom('<mark>', '</mark>', '<', '>', '/', 'mark', 'a', ' ', '&amp;');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const snippet = parts.join('');
        const segments = splitSnippet(snippet);
        for (const segment of segments) {
          expect(segment.text).not.toBe('');
        }
        // Removing the tags from the snippet one at a time, left to right, gives the joined text.
        let expected = '';
        let rest = snippet;
        while (rest.length > 0) {
          if (rest.startsWith('<mark>')) rest = rest.slice(6);
          else if (rest.startsWith('</mark>')) rest = rest.slice(7);
          else {
            expected += rest[0];
            rest = rest.slice(1);
          }
        }
        expect(segments.map((segment) => segment.text).join('')).toBe(expected);
      }),
    );
  });

  it('keeps every hostile fixture string intact when it holds no mark tag', () => {
    for (const value of hostileStrings as string[]) {
      if (value.includes('<mark>') || value.includes('</mark>')) continue;
      expect(snippetText(value)).toBe(value);
    }
  });
});
