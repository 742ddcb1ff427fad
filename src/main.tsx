import './mantine-styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installPopStateGate } from './hooks/popStateGate.ts';
import { prefetchStartPage } from './hooks/prefetchStartPage.ts';
import { createQueryClient } from './hooks/queryClient.ts';
import { ORGANIZATIONS_ROUTE } from './router.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Before the router: pages with unsaved changes see Back and Forward first.
installPopStateGate();

// One data cache for the page's lifetime; the first page's request starts before React renders.
const queryClient = createQueryClient();
prefetchStartPage(queryClient, window.location, ORGANIZATIONS_ROUTE);

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
