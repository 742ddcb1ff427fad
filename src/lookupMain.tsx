// The lookup page's own entry (lookup.html): a small bundle for a side panel or a chat tool's
// frame, without the list, the palette, the router or Mantine's JS (its styles' CSS variables
// only) of the full console (main.tsx). The console
// server serves lookup.html at ROUTES.lookup (src/routes.ts; server/page-html.ts).
import './lookup-styles.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { adoptLookupStartData, prefetchLookupStart } from './startup/startData/lookupStartData.ts';
import { createQueryClient } from './startup/queryClient.ts';
import { readStartData } from './startup/startData/startDataWire.ts';
import { embedOriginsOf } from './lib/lookup/chatwootContext.ts';
import { LookupPage } from './pages/lookup/LookupPage.tsx';
import { lookupChatbotOf, ROUTES } from './routes.ts';

const root = document.getElementById('root');
if (!root) throw new Error('lookup.html has no #root element.');

const chatbotId = lookupChatbotOf(window.location.pathname) ?? '';
const embedOrigins = embedOriginsOf(
  document.querySelector('meta[name="embed-allowed-origins"]')?.getAttribute('content'),
);

// The console server ran the searches of the address's hint with the page when it could
// (startup/startData/lookupStartData.ts) and rendered their results into #root (lookupPrerender.tsx): the
// answers go into the cache before React renders, are not asked for again, and React adopts the
// server's HTML. Otherwise the searches start now, before React renders the page itself.
const queryClient = createQueryClient();
const here = window.location.pathname + window.location.search;
const startData = readStartData(document);
void adoptLookupStartData(queryClient, here, startData).then((adopted) => {
  if (!adopted) prefetchLookupStart(queryClient, here);
  const page = app();
  if (adopted && startData?.rendered === true) hydrateRoot(root, page);
  else createRoot(root).render(page);
});

function app() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {chatbotId === '' ? (
          <p style={{ padding: 16 }}>
            This address names no chatbot: open{' '}
            {ROUTES.lookup.replace(':chatbotId', '<chatbot id>')}.
          </p>
        ) : (
          <LookupPage
            chatbotId={chatbotId}
            initialSearch={window.location.search}
            embedOrigins={embedOrigins}
          />
        )}
      </QueryClientProvider>
    </StrictMode>
  );
}
