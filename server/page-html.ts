// The HTML of a client route: dist/index.html, with the page's render put into #root when the
// build has a server render (dist/ssr/prerender.js, from src/prerender.tsx), the first page's data
// embedded when the console could fetch it in time, and the hashes of index.html's inline scripts
// for the CSP (the colour scheme is set by one before the first paint).
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiTransport } from '../src/api/client.ts';
import type { StartData } from '../src/startup/startData/startData.ts';
import { startDataScript } from './start-data-script.ts';
import { LOOKUP_PATH_PATTERN } from './embed/embed-config.ts';

/** src/prerender.tsx's exports (each optional: an older build has only the first, synchronous). */
interface ServerRender {
  renderStartPage?: (
    url: string,
    data?: StartData,
  ) => string | undefined | Promise<string | undefined>;
  loadStartData?: (
    url: string,
    transport: ApiTransport,
    signal: AbortSignal,
  ) => Promise<StartData | undefined>;
  renderLookupPage?: (
    url: string,
    data: StartData,
    embedOrigins: readonly string[],
  ) => Promise<string | undefined>;
}

/** How the page's data is fetched: through the console's own app, within a time limit. */
export interface StartDataSource {
  transport: ApiTransport;
  /** After this long without every answer the page is sent without data (0: never fetched). */
  timeoutMs: number;
}

export interface PageHtml {
  /** index.html up to #root: sent at once, so the browser starts on the scripts and styles. */
  head: string;
  /** #root with the page's render, its data and the rest of index.html: once fetched (or not). */
  rest: Promise<string>;
  /** CSP sources ('sha256-…') for the page's inline scripts. */
  scriptHashes: string[];
}

const EMPTY_ROOT = '<div id="root"></div>';
/** How long a page waits for its first data before it is sent without (the frame alone). */
export const DEFAULT_START_DATA_TIMEOUT_MS = 300;
/** The built server render in a build (`vite build --ssr`, vite.config.ts). */
export function serverRenderPath(distDir: string): string {
  return join(distDir, 'ssr', 'prerender.js');
}

/** Rendered frames without data kept: one per chatbot visited; they depend on nothing else. */
const MAX_RENDERS_KEPT = 100;

/** The CSP source for each `<script>` without attributes (inline, classic) in `html`. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

/** `work` with an AbortSignal that fires after `ms`; undefined when it fails or is late. */
async function within<T>(
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${ms} ms`)), ms);
  try {
    return await Promise.race([
      work(controller.signal),
      new Promise<undefined>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve(undefined), { once: true });
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Makes the page HTML for client routes of the build in `distDir`. The server render is loaded on
 * first use; without one (a build without it, a render that throws) pages are rendered by the
 * browser alone, as before; without data (none in time, a failed request), the list's loading frame.
 */
export function createPageHtml(
  distDir: string,
  embedAllowedOrigins: readonly string[] = [],
): (url: string, source?: StartDataSource) => Promise<PageHtml | undefined> {
  const indexPath = join(distDir, 'index.html');
  const renderPath = serverRenderPath(distDir);
  let renderer: Promise<ServerRender | undefined> | undefined;
  let rendererBuiltAt = 0;
  const frames = new Map<string, string | undefined>();

  const loadRenderer = async (builtAt: number): Promise<ServerRender | undefined> => {
    if (builtAt === 0) return undefined;
    try {
      // The build time in the URL: a new build is imported anew, not served from Node's cache.
      return (await import(`${pathToFileURL(renderPath).href}?built=${builtAt}`)) as ServerRender;
    } catch (error) {
      console.error('console: the server render could not be loaded; the browser renders', error);
      return undefined;
    }
  };

  const render = async (
    module: ServerRender,
    url: string,
    data: StartData | undefined,
  ): Promise<string | undefined> => {
    if (module.renderStartPage === undefined) return undefined;
    try {
      return await module.renderStartPage(url, data);
    } catch (error) {
      console.error(`console: the server render of ${url} failed; the browser renders it`, error);
      return undefined;
    }
  };

  /** The render without data (the loading frame), kept: it depends on the URL only. */
  const frame = async (module: ServerRender, url: string): Promise<string | undefined> => {
    if (frames.has(url)) return frames.get(url);
    const html = await render(module, url, undefined);
    const oldest = frames.keys().next().value;
    if (frames.size >= MAX_RENDERS_KEPT && oldest !== undefined) frames.delete(oldest);
    frames.set(url, html);
    return html;
  };

  const rootAndData = async (
    module: ServerRender | undefined,
    url: string,
    source: StartDataSource | undefined,
  ): Promise<string> => {
    if (module === undefined) return EMPTY_ROOT;
    const { loadStartData } = module;
    const data =
      loadStartData === undefined || source === undefined || source.timeoutMs <= 0
        ? undefined
        : await within(source.timeoutMs, (signal) => loadStartData(url, source.transport, signal));
    const html =
      data?.rendered === true ? await render(module, url, data) : await frame(module, url);
    const root = `<div id="root">${html ?? ''}</div>`;
    // Rendered with data but the render failed: the data still spares the browser the request.
    const usable =
      data === undefined ? undefined : { ...data, rendered: html !== undefined && data.rendered };
    return usable === undefined ? root : root + startDataScript(usable);
  };

  const lookupPath = join(distDir, 'lookup.html');
  /** The server render of the build, loaded anew when the build changes; undefined without one. */
  const currentRenderer = (): Promise<ServerRender | undefined> => {
    // A build made while the server runs (`npm run build` beside `npm start`) renders from then on.
    const builtAt = existsSync(renderPath) ? statSync(renderPath).mtimeMs : 0;
    if (renderer === undefined || builtAt !== rendererBuiltAt) {
      rendererBuiltAt = builtAt;
      renderer = loadRenderer(builtAt);
      frames.clear();
    }
    return renderer;
  };

  const renderLookup = async (
    module: ServerRender | undefined,
    url: string,
    data: StartData,
  ): Promise<string | undefined> => {
    if (module?.renderLookupPage === undefined) return undefined;
    try {
      return await module.renderLookupPage(url, data, embedAllowedOrigins);
    } catch (error) {
      console.error(`console: the server render of ${url} failed; the browser renders it`, error);
      return undefined;
    }
  };

  /**
   * The lookup page: its own entry (lookup.html, a small bundle for a side panel). When its
   * address carries a hint, the searches it asks for are run and sent with it
   * (src/startup/startData/lookupStartData.ts) and the page is rendered with their results
   * (src/lookupPrerender.tsx); otherwise the browser renders it (a search box, focused).
   */
  const lookupPage = async (url: string, source: StartDataSource | undefined) => {
    const lookup = await readFile(lookupPath, 'utf8');
    // The origins whose messages the page may read (checked origins: no quote or `<` in them).
    const meta = `<meta name="embed-allowed-origins" content="${embedAllowedOrigins.join(' ')}" />`;
    const page = lookup.replace('</head>', () => `${meta}\n  </head>`);
    const scriptHashes = inlineScriptHashes(lookup);
    const at = page.indexOf(EMPTY_ROOT);
    if (at === -1 || source === undefined || source.timeoutMs <= 0) {
      return { head: page, rest: Promise.resolve(''), scriptHashes };
    }
    const module = await currentRenderer();
    const rest = async () => {
      const load = module?.loadStartData;
      const data =
        load === undefined
          ? undefined
          : await within(source.timeoutMs, (signal) => load(url, source.transport, signal));
      if (data === undefined) return EMPTY_ROOT;
      const html = await renderLookup(module, url, data);
      return `<div id="root">${html ?? ''}</div>${startDataScript({ ...data, rendered: html !== undefined })}`;
    };
    return {
      head: page.slice(0, at),
      rest: rest().then((root) => root + page.slice(at + EMPTY_ROOT.length)),
      scriptHashes,
    };
  };

  return async (url, source) => {
    if (LOOKUP_PATH_PATTERN.test(new URL(url, 'http://page').pathname) && existsSync(lookupPath)) {
      return lookupPage(url, source);
    }
    if (!existsSync(indexPath)) return undefined;
    const template = await readFile(indexPath, 'utf8');
    const module = currentRenderer();
    const scriptHashes = inlineScriptHashes(template);
    const at = template.indexOf(EMPTY_ROOT);
    if (at === -1) return { head: template, rest: Promise.resolve(''), scriptHashes };
    return {
      head: template.slice(0, at),
      rest: rootAndData(await module, url, source).then(
        (root) => root + template.slice(at + EMPTY_ROOT.length),
      ),
      scriptHashes,
    };
  };
}
