// The list's search box and its results are separate components (the results are a chunk of
// their own, virtualized): ↓ in the box hands the focus to the first result, ↑ on the first
// result hands it back. Each side registers what it can focus; the other calls it.

type Focus = () => boolean;

let firstResult: Focus | null = null;
let searchBox: Focus | null = null;

function register(set: (focus: Focus | null) => void, get: () => Focus | null, focus: Focus) {
  set(focus);
  return () => {
    if (get() === focus) set(null);
  };
}

/** The results list says how to focus its first row; returns the unregistration. */
export function registerFirstResultFocus(focus: Focus): () => void {
  return register(
    (next) => (firstResult = next),
    () => firstResult,
    focus,
  );
}

/** The search box says how to focus itself; returns the unregistration. */
export function registerSearchBoxFocus(focus: Focus): () => void {
  return register(
    (next) => (searchBox = next),
    () => searchBox,
    focus,
  );
}

/** Focuses the first result, if results are on screen; whether it did. */
export function focusFirstResult(): boolean {
  return firstResult?.() ?? false;
}

/** Focuses the search box, if there is one; whether it did. */
export function focusSearchBox(): boolean {
  return searchBox?.() ?? false;
}
