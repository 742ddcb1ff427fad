import { useEffect, useRef } from 'react';

/** The first page of a visit keeps the browser's focus (the start of the document). */
let firstPageShown = false;

/** Whether the focus was left nowhere in particular (the element that had it is gone). */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * Focuses the element when its page is arrived at by a navigation (not on the first page of a
 * visit, and not when something on the new page already took the focus, such as a field).
 */
export function useFocusOnArrival<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    if (focusIsLost()) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
