import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../../server/page-html.ts';
import { startAfterFirstPaint } from './startAfterFirstPaint.ts';

const BUILT = `<head>
    <script>colourScheme()</script>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-def.js">
    <link rel="stylesheet" crossorigin href="/assets/index-ghi.css">
  </head>`;

describe('startAfterFirstPaint', () => {
  it('preloads the entry instead of running it, and imports it from an inline script', () => {
    const html = startAfterFirstPaint(BUILT);
    expect(html).not.toContain('<script type="module"');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/index-abc.js">');
    expect(html).toContain('import("/assets/index-abc.js")');
    expect(html).toContain('requestAnimationFrame');
    // The stylesheet (render-blocking, needed by the first paint) and the other preloads stay.
    expect(html).toContain('/assets/index-ghi.css');
    expect(html).toContain('/assets/jsx-runtime-def.js');
  });

  it('keeps the starter a plain inline script, which the page CSP allows by its hash', () => {
    expect(inlineScriptHashes(startAfterFirstPaint(BUILT))).toHaveLength(2);
  });

  it('fails the build when the entry tag is not there', () => {
    expect(() => startAfterFirstPaint('<head></head>')).toThrow(/no <script type="module"/);
  });
});
