import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import type { QuickLookupPaletteProps } from './QuickLookupPalette.tsx';
import { QuickLookupStandIn } from '../../components/palette/QuickLookupStandIn.tsx';
import { quickLookup, useQuickLookupState } from '../../components/palette/quickLookupStore.ts';
import { useWhenPageSettled } from '../../hooks/shell/useWhenPageSettled.ts';
import { takeEarlyQuickLookup } from '../../lib/search/earlyQuickLookup.ts';

type PaletteComponent = ComponentType<QuickLookupPaletteProps>;

let paletteLoaded = false;
let loadingPalette: Promise<PaletteComponent> | null = null;

/**
 * The palette's chunk (Spotlight, its modal and tooltips, the search hooks, recent
 * organizations): fetched once; a failed fetch may be tried again.
 */
function loadPalette(): Promise<PaletteComponent> {
  loadingPalette ??= import('./QuickLookupPalette.tsx').then(
    (module) => {
      paletteLoaded = true;
      return module.QuickLookupPalette;
    },
    (error: unknown) => {
      loadingPalette = null;
      throw error;
    },
  );
  return loadingPalette;
}

// Rendered only once loadPalette() has resolved, so it never suspends on a failed fetch.
const QuickLookupPalette = lazy(async () => ({ default: await loadPalette() }));

/** Fetches the palette's code once asked for; true when it is here. */
function usePaletteLoaded(requested: boolean): boolean {
  const [loaded, setLoaded] = useState(() => paletteLoaded);
  useEffect(() => {
    if (!requested || loaded) return;
    let current = true;
    loadPalette().then(
      () => {
        if (current) setLoaded(true);
      },
      () => {
        if (current) quickLookup.paletteLoadFailed();
      },
    );
    return () => {
      current = false;
    };
  }, [requested, loaded]);
  return loaded;
}

/**
 * The Ctrl+K / ⌘K quick lookup: mount once in the app shell with the chatbot of the current
 * route; on pages outside a chatbot it renders nothing. The palette's code is not needed for the
 * page to be usable, so it is fetched once the page's first data is on screen and the browser is
 * idle. The shortcut works before that: a stand-in opens at once and takes what is typed, and the
 * palette carries on from it when its code has arrived.
 */
export function QuickLookup({ chatbotId }: { chatbotId: string | undefined }) {
  const { paletteRequested, paletteFailed, standInOpen, paletteMounted } = useQuickLookupState();
  useWhenPageSettled(quickLookup.requestPalette);
  // Only pages of a chatbot have a palette: elsewhere its code is not fetched.
  const paletteHere = usePaletteLoaded(paletteRequested && chatbotId !== undefined);
  // Left the chatbot's pages (Back) with the stand-in open: it must not come back on return.
  useEffect(() => {
    if (chatbotId === undefined) quickLookup.closeStandIn();
  }, [chatbotId]);

  // Until the palette is mounted its own shortcut is not listening: this one opens the stand-in.
  // Afterwards only the palette's listens (two would toggle it twice). Inside text fields too:
  // "on any page" includes one with the cursor in a form.
  const shortcutHere = chatbotId !== undefined && !paletteMounted;
  useHotkeys(shortcutHere ? [['mod+K', quickLookup.toggleStandIn]] : [], []);
  // Now that a shortcut listens: Ctrl+K pressed before the app ran (the page's starter noted it).
  useEffect(() => {
    if (chatbotId !== undefined && takeEarlyQuickLookup()) quickLookup.toggleStandIn();
  }, [chatbotId]);

  if (chatbotId === undefined) return null;
  return (
    <>
      {standInOpen ? <QuickLookupStandIn failed={paletteFailed} /> : null}
      {paletteHere ? (
        <Suspense fallback={null}>
          <QuickLookupPalette chatbotId={chatbotId} />
        </Suspense>
      ) : null}
    </>
  );
}
