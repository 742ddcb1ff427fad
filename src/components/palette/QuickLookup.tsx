import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { organizationPalette, organizationPaletteStore } from './organizationPaletteStore.ts';

// The palette (Spotlight, the search hooks and the API layer they use) is its own chunk, so it
// does not weigh on the first page's bundle. It is fetched when first opened, or a moment after
// the page has settled — not while the first page still waits for its own code and data.
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
  const wanted = usePaletteWanted();
  if (chatbotId === undefined || !wanted) return null;
  return (
    <Suspense fallback={null}>
      <QuickLookupPalette chatbotId={chatbotId} onReady={markReady} />
    </Suspense>
  );
}

/** Delay before the palette's chunk is fetched unasked: after the first page's rows, as a rule. */
const PALETTE_PRELOAD_DELAY_MS = 2_500;

/** True once the palette has been opened, or the page has had time to settle. */
function usePaletteWanted(): boolean {
  const [wanted, setWanted] = useState(() => organizationPaletteStore.getState().opened);
  useEffect(() => {
    if (wanted) return;
    const want = () => setWanted(true);
    const unsubscribe = organizationPaletteStore.subscribe((state) => {
      if (state.opened) want();
    });
    const timer = window.setTimeout(want, PALETTE_PRELOAD_DELAY_MS);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [wanted]);
  return wanted;
}
