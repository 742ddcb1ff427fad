// The organizations page's search text, kept in the URL (`?q=`) with history entries that follow
// what the user meant, and held in a store so a keystroke re-renders only what shows it.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import {
  readSearchParam,
  refineSearchText,
  withSearchParam,
} from '../../lib/search/searchQuery.ts';
import { createValueStore, type ValueStore } from '../../lib/shared/valueStore.ts';

/** History state of the entries the search box writes. */
interface SearchHistoryState {
  /** Written by the search box (its own write: the box already shows the text). */
  searchOwn: true;
  /** Made while typing and not yet committed: the next keystroke replaces it. */
  searchDraft: boolean;
}

function searchStateOf(state: unknown): Partial<SearchHistoryState> {
  return typeof state === 'object' && state !== null ? (state as Partial<SearchHistoryState>) : {};
}

/**
 * While typing, the URL follows the box once the keys have paused this long. A navigation
 * re-renders everything that reads the location (every link on the page), which is too much
 * work to do between a keystroke and its results.
 */
export const SEARCH_URL_DELAY_MS = 400;

/** The search text of the organizations page and what the user does with it. */
export interface SearchText {
  /** The text in the box; read it with `useSearchTextValue`. */
  store: Pick<ValueStore<string>, 'get' | 'subscribe'>;
  /** Every keystroke. */
  change: (next: string) => void;
  /** Enter or leaving the box: the text is a search the user means (kept in history). */
  commit: () => void;
  clear: () => void;
  /** Narrows the search by a facet value, as a committed search of its own. */
  refine: (value: string) => void;
}

/**
 * The search text of the organizations page, kept in the URL (`?q=`). Typing creates one history
 * entry and then replaces it; committing (Enter, leaving the box, choosing a facet, clearing)
 * keeps that entry, so the next typing starts a new one. Back and forward thus step through the
 * searches the user meant, not through every letter. The URL changing by other means (back,
 * forward, a link such as the quick lookup's "show all") sets the box's text.
 *
 * The text lives in a store, not in the page's state: a keystroke re-renders only what shows
 * the text (`useSearchTextValue`). The URL follows once typing pauses (`SEARCH_URL_DELAY_MS`)
 * or at once when the search is committed. Never read back from the URL while typing: a fast
 * typist must never see a letter taken back by a lagging URL. The returned object is stable.
 */
export function useSearchText(): SearchText {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const urlText = readSearchParam(params);
  const [store] = useState(() => createValueStore(urlText));

  // What the writes need of the latest render, read when they run (after it committed).
  const latest = useRef({ setParams, urlText });
  /** The entry showing is a draft of the typing going on: the next write replaces it. */
  const draft = useRef(searchStateOf(location.state).searchDraft === true);
  const pendingWrite = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seenKey = useRef(location.key);

  useLayoutEffect(() => {
    latest.current = { setParams, urlText };
    if (location.key === seenKey.current) return;
    // A new history entry is showing. Our own writes are already in the box; anything else
    // (back, forward, a link) brings its text, before the browser paints the old one.
    seenKey.current = location.key;
    const entry = searchStateOf(location.state);
    if (navigationType === NavigationType.Pop || entry.searchOwn !== true) {
      clearTimeout(pendingWrite.current);
      pendingWrite.current = undefined;
      draft.current = entry.searchDraft === true;
      store.set(urlText);
    }
  }, [location.key, location.state, navigationType, setParams, store, urlText]);

  // Leaving the page drops a write still waiting: it would navigate from elsewhere.
  useEffect(() => () => clearTimeout(pendingWrite.current), []);

  const [search] = useState<SearchText>(() => {
    const write = (next: string, keepTyping: boolean) => {
      clearTimeout(pendingWrite.current);
      pendingWrite.current = undefined;
      const { setParams: setLatestParams, urlText: shown } = latest.current;
      // Nothing new to keep: the URL shows this text already, as the kind of entry wanted.
      if (next === shown && (keepTyping || !draft.current)) return;
      setLatestParams((current) => withSearchParam(current, next), {
        replace: draft.current,
        state: { searchOwn: true, searchDraft: keepTyping } satisfies SearchHistoryState,
      });
      draft.current = keepTyping;
    };
    return {
      store,
      change(next) {
        store.set(next);
        clearTimeout(pendingWrite.current);
        pendingWrite.current = setTimeout(() => write(store.get(), true), SEARCH_URL_DELAY_MS);
      },
      commit() {
        if (pendingWrite.current !== undefined || draft.current) write(store.get(), false);
      },
      clear() {
        store.set('');
        write('', false);
      },
      refine(value) {
        const next = refineSearchText(store.get(), value);
        store.set(next);
        write(next, false);
      },
    };
  });
  return search;
}

/** The text in the search box; re-renders the caller with every keystroke. */
export function useSearchTextValue(search: SearchText): string {
  // The server renders the text the URL gives, as the browser's first render does.
  return useSyncExternalStore(search.store.subscribe, search.store.get, search.store.get);
}
