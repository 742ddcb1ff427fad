// The console server's render of the lookup page (lookup.html's #root), built into dist/ssr/ with
// src/prerender.tsx (which re-exports it). Made only when the page comes with the answers of its
// hint's searches (startup/startData/lookupStartData.ts): the results are then in the HTML, painted before
// any script runs, and lookupMain.tsx hands them to React with hydrateRoot. Without them the
// browser renders the page itself.
import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import type { ApiTransport } from './api/client.ts';
import {
  adoptLookupStartData,
  fillLookupStart,
  lookupStartPageOf,
} from './startup/startData/lookupStartData.ts';
import { createQueryClient } from './startup/queryClient.ts';
import {
  recordingTransport,
  type RecordedAnswer,
  type StartData,
} from './startup/startData/startDataWire.ts';
import { LookupPage } from './pages/lookup/LookupPage.tsx';

/**
 * Runs the searches of the hint in the lookup page's address (`url`) through `transport` and
 * records their answers; undefined when it has no hint or a search failed. Called by
 * prerender.tsx's `loadStartData` for the lookup page (kept apart from startup/startData/startData.ts, which
 * the console's own first JS carries).
 */
export async function loadLookupStartData(
  url: string,
  transport: ApiTransport,
  signal: AbortSignal,
): Promise<StartData | undefined> {
  const page = lookupStartPageOf(url);
  if (page === undefined) return undefined;
  const answers: RecordedAnswer[] = [];
  const queryClient = createQueryClient({ retry: false, notify: () => undefined });
  try {
    await fillLookupStart(queryClient, page, recordingTransport(transport, answers), signal);
  } catch {
    return undefined;
  } finally {
    queryClient.clear();
  }
  return { version: 1, nowMs: Date.now(), rendered: false, answers };
}

/**
 * The HTML inside #root for the lookup page at `url` (path and query) with `data`, or undefined
 * when the data does not fit the page. `embedOrigins`: EMBED_ALLOWED_ORIGINS, as the page's meta
 * element gives them to the browser's render.
 */
export async function renderLookupPage(
  url: string,
  data: StartData,
  embedOrigins: readonly string[],
): Promise<string | undefined> {
  // The page's chatbot and searches, decoded as the browser's entry decodes them.
  const page = lookupStartPageOf(url);
  if (page === undefined) return undefined;
  const queryClient = createQueryClient({ retry: false, notify: () => undefined });
  try {
    if (!(await adoptLookupStartData(queryClient, url, data))) return undefined;
    return renderToString(
      <QueryClientProvider client={queryClient}>
        <LookupPage
          chatbotId={page.chatbotId}
          initialSearch={new URL(url, 'http://console.invalid').search}
          embedOrigins={embedOrigins}
        />
      </QueryClientProvider>,
    );
  } finally {
    // Queries the render created would otherwise hold their garbage-collection timers.
    queryClient.clear();
  }
}
