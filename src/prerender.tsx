// The console server's render of the page a visit starts on, built by `vite build --ssr` into
// dist/ssr/ (server/page-html.ts loads it). The organizations list is rendered into #root: with its
// first page when the server could fetch it in time (`loadStartData`), else its loading frame
// (header, title, search box, placeholder rows). The browser paints it as soon as the HTML arrives
// and React adopts it (hydrateRoot in main.tsx) instead of drawing the page again once the JS has
// run. A search's first page and an organization are fetched too and sent as data only: their
// code is in chunks of their own, so the browser renders them, from that data, without a request.
import { renderToString } from 'react-dom/server';
import { matchPath } from 'react-router';
import type { ApiTransport } from './api/client.ts';
import { App } from './App.tsx';
import { createQueryClient } from './startup/queryClient.ts';
import {
  adoptStartData,
  fillStartPage,
  recordingTransport,
  startPageOf,
  type RecordedAnswer,
  type StartData,
} from './startup/startData/startData.ts';
import { isLookupUrl } from './startup/startData/lookupStartData.ts';
import { loadLookupStartData } from './lookupPrerender.tsx';
import { ROUTES } from './routes.ts';

export type { StartData } from './startup/startData/startData.ts';

function serverQueryClient() {
  return createQueryClient({ retry: false, notify: () => undefined });
}

/** Whether `url` is the list without a search: the one page rendered on the server. */
function rendersList(url: string): boolean {
  const { pathname, searchParams } = new URL(url, 'http://console.invalid');
  return matchPath(ROUTES.organizations, pathname) !== null && !searchParams.has('q');
}

/** Whether the page at `url` has data the server sends with it. */
export function hasStartData(url: string): boolean {
  return startPageOf(url) !== undefined;
}

/**
 * Fetches the data of the page at `url` through `transport` (the console's own app, with the
 * page request's cookies and host), as the browser's src/api would; undefined when the page has
 * none or a request failed. `signal` aborts it (the server's time limit).
 */
export async function loadStartData(
  url: string,
  transport: ApiTransport,
  signal: AbortSignal,
): Promise<StartData | undefined> {
  if (isLookupUrl(url)) return loadLookupStartData(url, transport, signal);
  const page = startPageOf(url);
  if (page === undefined) return undefined;
  const answers: RecordedAnswer[] = [];
  const queryClient = serverQueryClient();
  try {
    await fillStartPage(queryClient, page, recordingTransport(transport, answers), signal);
  } catch {
    return undefined;
  } finally {
    queryClient.clear();
  }
  return { version: 1, nowMs: Date.now(), rendered: rendersList(url), answers };
}

/**
 * The HTML inside #root for `url` (path and query), or undefined when the page is not rendered on
 * the server: any page but the list, and the list with a search (`?q=`). With `data` (from
 * `loadStartData`), the list is rendered with its first page.
 */
export async function renderStartPage(url: string, data?: StartData): Promise<string | undefined> {
  if (!rendersList(url)) return undefined;
  const queryClient = serverQueryClient();
  try {
    let serverRender = null;
    if (data !== undefined) {
      // The same replay the browser makes of this data (main.tsx): both render the same rows.
      if (await adoptStartData(queryClient, url, data)) serverRender = { nowMs: data.nowMs };
    }
    return renderToString(
      <App queryClient={queryClient} serverLocation={url} serverRender={serverRender} />,
    );
  } finally {
    // The list's query, created by the render, would otherwise hold a 10-minute GC timer.
    queryClient.clear();
  }
}

export { renderLookupPage } from './lookupPrerender.tsx';
