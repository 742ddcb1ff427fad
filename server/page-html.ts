// The HTML of a client route: dist/index.html, with the list page's frame rendered into #root when
// the build has a server render (dist/ssr/prerender.js, from src/prerender.tsx), and the hashes of
// index.html's inline scripts for the CSP (the colour scheme is set by one before the first paint).
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOOKUP_PATH_PATTERN } from './embed/embed-config.ts';

/** src/prerender.tsx's export: the HTML inside #root for a URL, or undefined for none. */
type RenderStartPage = (url: string) => string | undefined;

export interface PageHtml {
  html: string;
  /** CSP sources ('sha256-…') for the page's inline scripts. */
  scriptHashes: string[];
}

const EMPTY_ROOT = '<div id="root"></div>';
/** The built server render in a build (`vite build --ssr`, vite.config.ts). */
export function serverRenderPath(distDir: string): string {
  return join(distDir, 'ssr', 'prerender.js');
}

/** Rendered frames kept: one per chatbot visited; the frame depends on nothing else. */
const MAX_RENDERS_KEPT = 100;

/** The CSP source for each `<script>` without attributes (inline, classic) in `html`. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

/**
 * Makes the page HTML for client routes of the build in `distDir`. The server render is loaded on
 * first use; without one (a build without it, a render that throws) pages are rendered by the
 * browser alone, as before.
 */
export function createPageHtml(
  distDir: string,
  embedAllowedOrigins: readonly string[] = [],
): (url: string) => Promise<PageHtml | undefined> {
  const indexPath = join(distDir, 'index.html');
  const renderPath = serverRenderPath(distDir);
  let renderer: Promise<RenderStartPage | undefined> | undefined;
  let rendererBuiltAt = 0;
  const rendered = new Map<string, string | undefined>();

  const loadRenderer = async (builtAt: number): Promise<RenderStartPage | undefined> => {
    if (builtAt === 0) return undefined;
    try {
      // The build time in the URL: a new build is imported anew, not served from Node's cache.
      const module = (await import(`${pathToFileURL(renderPath).href}?built=${builtAt}`)) as {
        renderStartPage?: RenderStartPage;
      };
      return module.renderStartPage;
    } catch (error) {
      console.error('console: the server render could not be loaded; the browser renders', error);
      return undefined;
    }
  };

  const renderFrame = (render: RenderStartPage, url: string): string | undefined => {
    if (rendered.has(url)) return rendered.get(url);
    let frame: string | undefined;
    try {
      frame = render(url);
    } catch (error) {
      console.error(`console: the server render of ${url} failed; the browser renders it`, error);
    }
    const oldest = rendered.keys().next().value;
    if (rendered.size >= MAX_RENDERS_KEPT && oldest !== undefined) rendered.delete(oldest);
    rendered.set(url, frame);
    return frame;
  };

  const lookupPath = join(distDir, 'lookup.html');
  return async (url) => {
    // The lookup page is its own entry (lookup.html: a small bundle for a side panel), never
    // rendered on the server: it shows a search box, focused, and nothing to prerender.
    if (LOOKUP_PATH_PATTERN.test(new URL(url, 'http://page').pathname) && existsSync(lookupPath)) {
      const lookup = await readFile(lookupPath, 'utf8');
      // The origins whose messages the page may read (checked origins: no quote or `<` in them).
      const meta = `<meta name="embed-allowed-origins" content="${embedAllowedOrigins.join(' ')}" />`;
      return {
        html: lookup.replace('</head>', () => `${meta}\n  </head>`),
        scriptHashes: inlineScriptHashes(lookup),
      };
    }
    if (!existsSync(indexPath)) return undefined;
    const template = await readFile(indexPath, 'utf8');
    // A build made while the server runs (`npm run build` beside `npm start`) renders from then on.
    const builtAt = existsSync(renderPath) ? statSync(renderPath).mtimeMs : 0;
    if (renderer === undefined || builtAt !== rendererBuiltAt) {
      rendererBuiltAt = builtAt;
      renderer = loadRenderer(builtAt);
      rendered.clear();
    }
    const render = await renderer;
    const frame = render === undefined ? undefined : renderFrame(render, url);
    // A function, not a string: `$&` or `$'` in a chatbot's id must not become replacement patterns.
    const html =
      frame === undefined
        ? template
        : template.replace(EMPTY_ROOT, () => `<div id="root">${frame}</div>`);
    return { html, scriptHashes: inlineScriptHashes(template) };
  };
}
