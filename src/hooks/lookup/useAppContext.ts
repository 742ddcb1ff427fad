// Inside a chat tool's frame (a Chatwoot Dashboard App): listens for the conversation's context
// (`appContext`) from the allowed origins only, and asks the parent for it once on load. What it
// hands on is a hint, checked by lib/lookup/chatwootContext.ts; nothing from the message is
// trusted.
import { useEffect } from 'react';
import {
  FETCH_INFO_MESSAGE,
  isAllowedOrigin,
  readAppContext,
} from '../../lib/lookup/chatwootContext.ts';
import type { LookupHint } from '../../lib/lookup/lookupTerms.ts';

/** Whether the page runs inside another page's frame. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/**
 * Calls `onHint` with each valid context an allowed parent sends. `allowedOrigins` empty: no
 * listener at all (no site may frame the page then anyway).
 */
export function useAppContext(
  allowedOrigins: readonly string[],
  onHint: (hint: LookupHint) => void,
): void {
  useEffect(() => {
    if (allowedOrigins.length === 0 || !isFramed()) return;
    const listener = (event: MessageEvent) => {
      // The parent, from an allowed origin: never another frame, a pop-up or this page itself.
      if (event.source !== window.parent || !isAllowedOrigin(event.origin, allowedOrigins)) return;
      const hint = readAppContext(event.data);
      if (hint !== null) onHint(hint);
    };
    window.addEventListener('message', listener);
    // Ask for the context now (it may have been sent before this listener existed), to the
    // parent's origin only: where the browser tells it, else each allowed origin in turn (a
    // message whose target origin is not the parent's is dropped by the browser).
    const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
    const parent = ancestors?.length ? ancestors.item(0) : null;
    const targets =
      parent !== null ? allowedOrigins.filter((origin) => origin === parent) : allowedOrigins;
    for (const origin of targets) window.parent.postMessage(FETCH_INFO_MESSAGE, origin);
    return () => window.removeEventListener('message', listener);
  }, [allowedOrigins, onHint]);
}
