// The lookup page's own entry (lookup.html): a small bundle for a side panel or a chat tool's
// frame, without the list, the palette, the router or Mantine's JS (its styles' CSS variables
// only) of the full console (main.tsx). The console
// server serves lookup.html at /chatbots/:chatbotId/lookup (server/page-html.ts).
import './lookup-styles.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptLookupStartData, prefetchLookupStart } from './hooks/lookupStartData.ts';
import { createQueryClient } from './hooks/queryClient.ts';
import { readStartData } from './hooks/startDataWire.ts';
import { embedOriginsOf } from './lib/chatwootContext.ts';
import { LookupPage } from './pages/LookupPage.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('lookup.html has no #root element.');

const match = /^\/chatbots\/([^/]+)\/lookup\/?$/.exec(window.location.pathname);
let chatbotId = '';
try {
  chatbotId = match?.[1] === undefined ? '' : decodeURIComponent(match[1]);
} catch {
  chatbotId = '';
}
const embedOrigins = embedOriginsOf(
  document.querySelector('meta[name="embed-allowed-origins"]')?.getAttribute('content'),
);

// The console server ran the searches of the address's hint with the page when it could
// (hooks/lookupStartData.ts): they go into the cache before React renders, and are not asked for
// again. Otherwise they start now, before React renders.
const queryClient = createQueryClient();
const here = window.location.pathname + window.location.search;
void adoptLookupStartData(queryClient, here, readStartData(document)).then((adopted) => {
  if (!adopted) prefetchLookupStart(queryClient, here);
  render(root);
});

function render(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {chatbotId === '' ? (
          <p style={{ padding: 16 }}>
            This address names no chatbot: open /chatbots/&lt;chatbot id&gt;/lookup.
          </p>
        ) : (
          <LookupPage
            chatbotId={chatbotId}
            initialSearch={window.location.search}
            embedOrigins={embedOrigins}
          />
        )}
      </QueryClientProvider>
    </StrictMode>,
  );
}
