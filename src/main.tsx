import './mantine-styles.ts';
import { StrictMode, useEffect, useLayoutEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { recordEarlyInput, type EarlyInput } from './startup/startData/earlyInput.ts';
import { installPopStateGate } from './lib/shell/popStateGate.ts';
import { prefetchStartPage } from './startup/startData/prefetchStartPage.ts';
import { createQueryClient } from './startup/queryClient.ts';
import { adoptStartData, readStartData } from './startup/startData/startData.ts';
import type { ServerRender } from './hooks/shell/useServerRender.ts';
import { installServerReachability } from './hooks/shell/useServerConnection.ts';
import { ROUTES } from './routes.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Before the router: pages with unsaved changes see Back and Forward first.
installPopStateGate();

// Says at the first request without an answer that the server is away, and finds it again.
installServerReachability();

// One data cache for the page's lifetime. The console server sent the first page's data with the
// page when it could (startup/startData/startData.ts): it goes into the cache before React renders, and is not
// asked for again. Otherwise the first page's request starts before React renders.
const queryClient = createQueryClient();
const startData = readStartData(document);
const here = window.location.pathname + window.location.search;
void adoptStartData(queryClient, here, startData).then((adopted) => {
  if (!adopted) prefetchStartPage(queryClient, window.location, ROUTES.organizations);
  start(adopted && startData?.rendered === true ? { nowMs: startData.nowMs } : null);
});

/** Types in again, once React has adopted the page, what was typed into it before. */
function EarlyInputReplay({ earlyInput }: { earlyInput: EarlyInput }) {
  useLayoutEffect(() => earlyInput.replay(), [earlyInput]);
  return null;
}

/**
 * Marks when React has adopted (or drawn) the page and its handlers answer: the moment the list
 * is usable, which the server's HTML alone is not (`npm run bench` reads it).
 */
function ReadyMark() {
  useEffect(() => {
    performance.mark('console:ready');
  }, []);
  return null;
}

function start(serverRender: ServerRender | null): void {
  if (!root) return;
  // The console server rendered the list into #root (prerender.tsx): React adopts it.
  if (root.hasChildNodes()) {
    const earlyInput = recordEarlyInput(root);
    hydrateRoot(
      root,
      <StrictMode>
        <App queryClient={queryClient} serverRender={serverRender} />
        <EarlyInputReplay earlyInput={earlyInput} />
        <ReadyMark />
      </StrictMode>,
    );
  } else {
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
        <ReadyMark />
      </StrictMode>,
    );
  }
}
