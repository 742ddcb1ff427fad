import './mantine-styles.ts';
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { recordEarlyInput, type EarlyInput } from './hooks/earlyInput.ts';
import { installPopStateGate } from './hooks/popStateGate.ts';
import { prefetchStartPage } from './hooks/prefetchStartPage.ts';
import { createQueryClient } from './hooks/queryClient.ts';
import { installServerReachability } from './hooks/serverReachability.ts';
import { ORGANIZATIONS_ROUTE } from './router.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Before the router: pages with unsaved changes see Back and Forward first.
installPopStateGate();

// Says at the first request without an answer that the server is away, and finds it again.
installServerReachability();

// One data cache for the page's lifetime; the first page's request starts before React renders.
const queryClient = createQueryClient();
prefetchStartPage(queryClient, window.location, ORGANIZATIONS_ROUTE);

/** Types in again, once React has adopted the page, what was typed into it before. */
function EarlyInputReplay({ earlyInput }: { earlyInput: EarlyInput }) {
  useLayoutEffect(() => earlyInput.replay(), [earlyInput]);
  return null;
}

// The console server rendered the list's frame into #root (prerender.tsx): React adopts it.
if (root.hasChildNodes()) {
  const earlyInput = recordEarlyInput(root);
  hydrateRoot(
    root,
    <StrictMode>
      <App queryClient={queryClient} />
      <EarlyInputReplay earlyInput={earlyInput} />
    </StrictMode>,
  );
} else {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
