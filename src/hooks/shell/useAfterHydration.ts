import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

/**
 * `clientValue()` once the page is React's, but `serverValue` while React adopts the HTML the
 * console server rendered (prerender.tsx): that render must match the server's markup, and React
 * renders again with the client's value straight after. In a page rendered in the browser from the
 * start, it is `clientValue()` from the first render.
 */
export function useAfterHydration<T>(clientValue: () => T, serverValue: T): T {
  return useSyncExternalStore(subscribeToNothing, clientValue, () => serverValue);
}
