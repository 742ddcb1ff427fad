import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ApiTransport } from '../src/api/client.ts';
import {
  createPageHtml,
  DEFAULT_START_DATA_TIMEOUT_MS,
  type StartDataSource,
} from './page-html.ts';
import { LOOKUP_PATH_PATTERN } from './embed/embed-config.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { FRAME_ANCESTORS, KEEP_OPENER, SCRIPT_HASHES } from './security-headers.ts';

// Vite names every file under /assets by its content hash: a changed file is a new URL.
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
// index.html (and unhashed files such as the favicon) must be revalidated, so a new build shows.
const REVALIDATE = 'no-cache';
// A page may carry its first data (page-html.ts): revalidated too, and kept by no shared cache.
const PAGE_CACHE = 'private, no-cache';

const NOT_FOUND = { error: 'Not found.' };

/** The server render's code (page-html.ts), built into dist/ but not a file for browsers. */
const SERVER_RENDER_DIR = '/ssr/';

/**
 * Serves the built SPA from `distDir`: files as they are, hashed assets cached for a year, and
 * index.html for client routes (paths without a file extension, or any page a browser asks for),
 * so a reload on /organizations/abc works; the list page's with its frame rendered in (page-html.ts).
 * `pageGuard` runs before a page is answered (the session step: without a session, a page load
 * goes to sign-in); files are served to anyone, as they hold no data. The lookup page is the
 * exception: it is served without a session, like a file (it holds no data either), because it
 * may run in another site's frame, where a redirect to the provider cannot be shown; it asks for
 * sign-in itself. Only it may be framed, and only by `embedAllowedOrigins`. Register after every
 * API route.
 */
export function mountSpa(
  app: Hono<ConsoleEnv>,
  distDir: string,
  pageGuard: MiddlewareHandler<ConsoleEnv>,
  startDataTimeoutMs = DEFAULT_START_DATA_TIMEOUT_MS,
  embedAllowedOrigins: readonly string[] = [],
): void {
  const pageHtml = createPageHtml(distDir, embedAllowedOrigins);

  // Made on the first request that finds dist/, so a server started before the first build
  // serves it once it exists (serveStatic itself checks its root only when made).
  let serveBuiltFile: MiddlewareHandler | undefined;
  app.use('*', async (c, next) => {
    // The page itself (index.html, also at `/`) comes from pageHtml below, with its CSP hashes.
    const path = c.req.path;
    const isPage = path.endsWith('/') || path.endsWith('/index.html') || path === '/lookup.html';
    if (!existsSync(distDir) || isPage || path.startsWith(SERVER_RENDER_DIR)) return next();
    serveBuiltFile ??= serveStatic({ root: distDir });
    // serveStatic answers with the file's response, or calls next() and returns nothing.
    const file = await serveBuiltFile(c, next);
    if (file instanceof Response) {
      file.headers.set(
        'Cache-Control',
        isHashedAsset(c.req.path) ? HASHED_ASSET_CACHE : REVALIDATE,
      );
    }
    return file;
  });

  const guardPages: MiddlewareHandler<ConsoleEnv> = (c, next) => {
    if (!wantsClientRoute(c)) return Promise.resolve(c.json(NOT_FOUND, 404));
    return isLookupPage(c.req.path) ? next() : pageGuard(c, next);
  };
  app.on(['GET', 'HEAD'], '*', guardPages, async (c) => {
    // The page's data is asked for with the page request's own cookies and Host, so it is what that
    // request may read: the lookup page, not behind the page guard, gets its searches only for a
    // session that may search (or in local mode).
    const source: StartDataSource | undefined =
      c.req.method === 'GET'
        ? { transport: ownApiTransport(app, c), timeoutMs: startDataTimeoutMs }
        : undefined;
    const page = await pageHtml(pathAndQuery(c.req.url), source);
    if (page === undefined) {
      return c.json(
        { error: 'The console is not built: run `npm run build` or `npm start`.' },
        503,
      );
    }
    c.set(SCRIPT_HASHES, page.scriptHashes);
    if (isLookupPage(c.req.path)) {
      if (embedAllowedOrigins.length > 0) c.set(FRAME_ANCESTORS, embedAllowedOrigins);
      // Not isolated from its opener: with `Cross-Origin-Opener-Policy: same-origin` a fresh tab
      // cannot show the page in the renderer it already has; the browser puts it in a browsing
      // context group of its own, in a renderer process it starts only once this answer's headers
      // are in (~300 ms of the lookup's 300 ms budget, README's lookup benchmark). What isolation
      // would add is small here: in a chat tool's frame, where the page is meant to run, the
      // header does not apply; a site that opened it can post messages to it (it reads them only
      // from EMBED_ALLOWED_ORIGINS) or send it elsewhere, never read it, and it holds no frames
      // whose count could tell anything. Every other page keeps `same-origin`.
      c.set(KEEP_OPENER, true);
    }
    c.header('Cache-Control', PAGE_CACHE);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    // The head at once (the browser fetches the scripts and styles meanwhile), the rest once the
    // page's data is in or its time is up.
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(page.head));
        controller.enqueue(encoder.encode(await page.rest));
        controller.close();
      },
    });
    return c.body(body);
  });

  app.all('*', (c) => c.json(NOT_FOUND, 404));
}

/**
 * Asks this same app for `/v1/…` on behalf of the page request in `c`: through the whole pipeline
 * (Host allowlist, same-origin rule, the operation table, the sandbox or the upstream proxy, which
 * adds the server's key), with the page request's Host and cookies, so whatever decides what a
 * request may read (a session, a role) decides for the page's data too. The navigation itself may
 * come from another site's link; its data lands in a page that site cannot read (no framing, no
 * CORS), so the request is made as the console's own page makes it (`Sec-Fetch-Site:
 * same-origin`). Reads only.
 */
function ownApiTransport(app: Hono<ConsoleEnv>, c: Context<ConsoleEnv>): ApiTransport {
  return (url, init) => {
    const headers = new Headers(init.headers);
    headers.set('sec-fetch-site', 'same-origin');
    const host = c.req.header('host');
    if (host !== undefined) headers.set('host', host);
    const cookie = c.req.header('cookie');
    if (cookie !== undefined) headers.set('cookie', cookie);
    const request = new Request(new URL(url, c.req.url), {
      method: 'GET',
      headers,
      signal: init.signal ?? null,
    });
    return Promise.resolve(app.fetch(request, c.env));
  };
}

function pathAndQuery(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

export function isLookupPage(path: string): boolean {
  return LOOKUP_PATH_PATTERN.test(path);
}

function isHashedAsset(path: string): boolean {
  return path.startsWith('/assets/');
}

function wantsClientRoute(c: Context): boolean {
  const path = c.req.path;
  // A missing asset or API path must stay a 404, never become the app's HTML.
  if (
    isHashedAsset(path) ||
    path.startsWith('/v1/') ||
    path.startsWith('/console/') ||
    path.startsWith(SERVER_RENDER_DIR)
  ) {
    return false;
  }
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.') || (c.req.header('Accept') ?? '').includes('text/html');
}
