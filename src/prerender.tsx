// The console server's render of the organizations list's first frame (header, title, search box,
// placeholder rows), built by `vite build --ssr` into dist/ssr/. The browser paints it as soon as
// the HTML arrives, and React adopts it (hydrateRoot in main.tsx) instead of drawing the page again
// once ~400 KB of JS has run. Only this page is rendered: it is where nearly every visit starts,
// and its frame needs no data.
import { renderToString } from 'react-dom/server';
import { matchPath } from 'react-router';
import { App } from './App.tsx';
import { createQueryClient } from './hooks/queryClient.ts';
import { ORGANIZATIONS_ROUTE } from './router.tsx';

/**
 * The HTML inside #root for `url` (path and query), or undefined when the page is not rendered on
 * the server: any page but the list, and the list with a search (`?q=`).
 */
export function renderStartPage(url: string): string | undefined {
  const { pathname, searchParams } = new URL(url, 'http://console.invalid');
  if (matchPath(ORGANIZATIONS_ROUTE, pathname) === null || searchParams.has('q')) return undefined;
  // A cache of its own that nothing fills: the server asks the API for nothing.
  const queryClient = createQueryClient({ retry: false, notify: () => undefined });
  try {
    return renderToString(<App queryClient={queryClient} serverLocation={url} />);
  } finally {
    // The list's query, created by the render, would otherwise hold a 10-minute GC timer.
    queryClient.clear();
  }
}
