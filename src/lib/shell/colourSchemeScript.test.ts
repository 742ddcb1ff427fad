import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOUR_SCHEME_MARKER, withColourSchemeScript } from './colourSchemeScript.ts';

const page = (name: string) => readFileSync(join(process.cwd(), name), 'utf8');

describe('the colour-scheme script', () => {
  it.each(['index.html', 'lookup.html'])(
    '%s asks for it once and writes no inline script',
    (name) => {
      const html = page(name);
      expect(html.split(COLOUR_SCHEME_MARKER)).toHaveLength(2);
      expect(html).not.toMatch(/<script>/);
    },
  );

  it('takes the marker’s place as one inline script that reads the stored choice', () => {
    const html = withColourSchemeScript(page('lookup.html'));
    expect(html).not.toContain(COLOUR_SCHEME_MARKER);
    const scripts = html.match(/<script>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("localStorage.getItem('mantine-color-scheme-value')");
    expect(scripts[0]).toContain("setAttribute('data-mantine-color-scheme', scheme)");
  });

  it('refuses a page without the marker rather than ship it without the script', () => {
    expect(() => withColourSchemeScript('<html><head></head></html>')).toThrow(/colour-scheme/);
  });
});
