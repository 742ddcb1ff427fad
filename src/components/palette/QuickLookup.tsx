import { lazy, Suspense } from 'react';

// The palette (Spotlight, the search hooks and the API layer they use) is its own chunk, so it
// does not weigh on the first page's bundle; it loads right after the shell has rendered.
const QuickLookupPalette = lazy(async () => ({
  default: (await import('./QuickLookupPalette.tsx')).QuickLookupPalette,
}));

/**
 * The Ctrl+K / ⌘K quick lookup: mount once in the app shell with the chatbot of the current
 * route; on pages outside a chatbot it renders nothing.
 */
export function QuickLookup({ chatbotId }: { chatbotId: string | undefined }) {
  if (chatbotId === undefined) return null;
  return (
    <Suspense fallback={null}>
      <QuickLookupPalette chatbotId={chatbotId} />
    </Suspense>
  );
}
