import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useState } from 'react';
import { organizationPalette } from './organizationPaletteStore.ts';

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
  const [ready, setReady] = useState(false);
  const markReady = useCallback(() => setReady(true), []);
  // Until the palette's chunk has arrived its own shortcut is not listening yet: a press in that
  // moment opens the palette's store, which the palette shows opened as soon as it mounts.
  // Afterwards only Spotlight's shortcut listens (two would toggle it twice).
  useHotkeys(ready ? [] : [['mod+K', () => organizationPalette.open()]], []);
  if (chatbotId === undefined) return null;
  return (
    <Suspense fallback={null}>
      <QuickLookupPalette chatbotId={chatbotId} onReady={markReady} />
    </Suspense>
  );
}
