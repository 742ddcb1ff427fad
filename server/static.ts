import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { LOOKUP_PATH_PATTERN } from './embed/embed-config.ts';
import { createPageHtml } from './page-html.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { FRAME_ANCESTORS, SCRIPT_HASHES } from './security-headers.ts';

// Vite names every file under /assets by its content hash: a changed file is a new URL.
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
// index.html (and unhashed files such as the favicon) must be revalidated, so a new build shows.
const REVALIDATE = 'no-cache';

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
    const page = await pageHtml(pathAndQuery(c.req.url));
    if (page === undefined) {
      return c.json(
        { error: 'The console is not built: run `npm run build` or `npm start`.' },
        503,
      );
    }
    c.set(SCRIPT_HASHES, page.scriptHashes);
    if (isLookupPage(c.req.path) && embedAllowedOrigins.length > 0) {
      c.set(FRAME_ANCESTORS, embedAllowedOrigins);
    }
    c.header('Cache-Control', REVALIDATE);
    return c.html(page.html);
  });

  app.all('*', (c) => c.json(NOT_FOUND, 404));
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
