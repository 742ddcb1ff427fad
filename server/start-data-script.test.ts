// The page's data script (start-data-script.ts) holds any string the API returns without letting
// it end the element, open a tag or a comment, and JSON.parse reads back exactly what was sent.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeForScript, startDataScript } from './start-data-script.ts';

const hostile = JSON.parse(
  readFileSync(new URL('../fixtures/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];

/** The text of the first `<script>` element in `html`, as an HTML parser would end it. */
function scriptText(html: string): string {
  const start = html.indexOf('>') + 1;
  return html.slice(start, html.toLowerCase().indexOf('</script', start));
}

describe('serializeForScript', () => {
  it('writes <, >, &, U+2028 and U+2029 as \\u escapes', () => {
    expect(serializeForScript({ name: '</script><!--&\u2028\u2029' })).toBe(
      '{"name":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}',
    );
  });

  it('keeps every hostile fixture string whole inside the element, read back unchanged', () => {
    const data = { answers: [{ body: { organizations: hostile.map((name) => ({ name })) } }] };
    const html = startDataScript(data);
    const text = scriptText(html);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(JSON.parse(text)).toEqual(data);
    expect(html.endsWith('</script>')).toBe(true);
  });

  it('round-trips any string, and never holds a character that could end the element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const value = { a, b, nested: [a, { b }] };
        const text = serializeForScript(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
        expect(JSON.parse(text)).toEqual(value);
      }),
    );
  });
});
