import { useSyncExternalStore } from 'react';
import { createValueStore } from '../../lib/shared/valueStore.ts';

/**
 * What the user typed into the stand-in before the palette's code was there, for the palette's
 * search field to carry on from: the text, the caret (or selection), and where focus was before.
 */
export interface QuickLookupDraft {
  text: string;
  selectionStart: number;
  selectionEnd: number;
  selectionDirection: 'forward' | 'backward' | 'none';
  /** The element focused before the quick lookup opened: focus goes back there on close. */
  returnFocusTo: HTMLElement | null;
}

export interface QuickLookupState {
  /** The palette's code has been asked for: the page settled, or the user opened the lookup. */
  paletteRequested: boolean;
  /** Fetching the palette's code failed; opening the lookup again retries. */
  paletteFailed: boolean;
  /** The stand-in overlay is open: the user asked before the palette was mounted. */
  standInOpen: boolean;
  /** The palette is mounted: it opens itself and listens to its own shortcut. */
  paletteMounted: boolean;
}

/** How the mounted palette opens itself (its Spotlight store lives in the palette's chunk). */
type OpenPalette = () => void;
/** Reads the stand-in's draft and closes its dialog, synchronously. */
type TakeDraft = () => QuickLookupDraft;

/**
 * The quick lookup before and after its code arrives. The palette (Spotlight and the search
 * hooks) is a chunk of its own, loaded once the page has settled. Opening the lookup before then
 * shows a small stand-in that takes the keys at once; the palette, when it mounts, takes over the
 * stand-in's text and caret, so nothing typed is lost.
 */
export function createQuickLookupStore() {
  const store = createValueStore<QuickLookupState>({
    paletteRequested: false,
    paletteFailed: false,
    standInOpen: false,
    paletteMounted: false,
  });
  let openPalette: OpenPalette | null = null;
  let takeDraft: TakeDraft | null = null;

  function update(change: Partial<QuickLookupState>) {
    const state = store.get();
    const next = { ...state, ...change };
    const keys = Object.keys(next) as (keyof QuickLookupState)[];
    if (keys.every((key) => next[key] === state[key])) return;
    store.set(next);
  }

  /** Opens the quick lookup: the palette when mounted, otherwise the stand-in (and fetches it). */
  function open() {
    if (openPalette !== null) {
      openPalette();
      return;
    }
    update({ standInOpen: true, paletteRequested: true, paletteFailed: false });
  }

  return {
    getState: store.get,
    subscribe: store.subscribe,

    /** Asks for the palette's code (idempotent); a failed attempt is retried. */
    requestPalette() {
      update({ paletteRequested: true, paletteFailed: false });
    },
    /** The palette's code could not be fetched: the stand-in says so, and a new open retries. */
    paletteLoadFailed() {
      update({ paletteRequested: false, paletteFailed: true });
    },
    open,
    /**
     * The shortcut while the palette is not mounted: opens the stand-in, or closes it. Once the
     * palette is mounted its own shortcut answers, so this does nothing.
     */
    toggleStandIn() {
      const state = store.get();
      if (state.paletteMounted) return;
      if (state.standInOpen) update({ standInOpen: false });
      else open();
    },
    closeStandIn() {
      update({ standInOpen: false });
    },

    /** The palette mounted: it opens itself from now on. Returns its unmount. */
    registerPalette(openIt: OpenPalette): () => void {
      openPalette = openIt;
      update({ paletteMounted: true });
      return () => {
        if (openPalette !== openIt) return;
        openPalette = null;
        update({ paletteMounted: false });
      };
    },
    /** The stand-in's dialog opened: how to read it at takeover. Returns its unmount. */
    registerStandIn(take: TakeDraft): () => void {
      takeDraft = take;
      return () => {
        if (takeDraft === take) takeDraft = null;
      };
    },
    /**
     * Called by the palette's search field as it mounts: the stand-in's draft, with the stand-in
     * closed in the same moment (its modal dialog would keep the palette inert). Null when no
     * stand-in is open.
     */
    takeDraft(): QuickLookupDraft | null {
      if (!store.get().standInOpen || takeDraft === null) return null;
      const draft = takeDraft();
      update({ standInOpen: false });
      return draft;
    },
  };
}

export type QuickLookupStore = ReturnType<typeof createQuickLookupStore>;

/** The page's one quick lookup (the header button, the shortcut and the palette share it). */
export const quickLookup = createQuickLookupStore();

export function useQuickLookupState(store: QuickLookupStore = quickLookup): QuickLookupState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
