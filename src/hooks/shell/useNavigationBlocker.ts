// Holds back in-app navigations that leave the current path while `shouldBlock()` says so, so a
// page can ask first. React Router's own useBlocker needs its data router, which costs the first
// page ~17 KB gzip more than the declarative <BrowserRouter> (the list's JS budget is 150 KB), so
// this works with any router: links and navigate() go through the navigator's push/replace,
// wrapped while the hook is mounted; Back/Forward arrive as a popstate, which popStateGate.ts
// shows this hook before the router, and which is undone with history.go.
import { useContext, useEffect, useRef, useState } from 'react';
import { holdPopStateGate } from '../../lib/shell/popStateGate.ts';
import { UNSAFE_NavigationContext, useLocation, type Navigator, type To } from 'react-router';

export type NavigationBlocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

const UNBLOCKED: NavigationBlocker = { state: 'unblocked' };

function pathnameOf(to: To, from: string): string {
  if (typeof to !== 'string') return to.pathname ?? from;
  return new URL(to, `http://console${from}`).pathname;
}

/** The position React Router's browser history keeps in each entry's state (`idx`). */
function historyIndex(state: unknown): number | undefined {
  const index = (state as { idx?: unknown } | null)?.idx;
  return typeof index === 'number' ? index : undefined;
}

/**
 * Wraps the navigator's push and replace (every Link and navigate() of the app calls them) so
 * that `hold` may keep a navigation back, given a way to run it later. Returns the undo.
 */
function holdNavigations(
  navigator: Navigator,
  hold: (to: To, go: () => void) => boolean,
): () => void {
  const { push, replace } = navigator;
  const held =
    (original: Navigator['push']): Navigator['push'] =>
    (to, state, options) => {
      const go = () => original.call(navigator, to, state, options);
      if (!hold(to, go)) go();
    };
  navigator.push = held(push);
  navigator.replace = held(replace);
  return () => {
    navigator.push = push;
    navigator.replace = replace;
  };
}

/**
 * `shouldBlock` is asked at the moment of leaving, with the path about to be shown (a page may
 * let some through: the organization page its own tabs, whose edits are kept as a draft).
 */
export function useNavigationBlocker(
  shouldBlock: (nextPathname: string) => boolean,
): NavigationBlocker {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const { pathname, key } = useLocation();
  const [blocker, setBlocker] = useState<NavigationBlocker>(UNBLOCKED);
  const shouldBlockRef = useRef(shouldBlock);
  useEffect(() => {
    shouldBlockRef.current = shouldBlock;
  }, [shouldBlock]);

  // Links and navigate(): hold the call, run it on proceed.
  useEffect(
    () =>
      holdNavigations(navigator, (to, go) => {
        const next = pathnameOf(to, pathname);
        if (next === pathname || !shouldBlockRef.current(next)) return false;
        setBlocker({
          state: 'blocked',
          proceed: () => {
            setBlocker(UNBLOCKED);
            go();
          },
          reset: () => setBlocker(UNBLOCKED),
        });
        return true;
      }),
    [navigator, pathname],
  );

  // Back and Forward: the browser has already moved; step back to where we were, then ask.
  useEffect(() => {
    const here = historyIndex(window.history.state);
    let undoing = false;
    let letThrough = false;
    return holdPopStateGate((event) => {
      if (undoing) {
        undoing = false;
        return true;
      }
      if (letThrough) {
        letThrough = false;
        return false;
      }
      const there = historyIndex(event.state);
      const next = window.location.pathname;
      if (next === pathname || !shouldBlockRef.current(next)) return false;
      // An entry without an index (not ours) cannot be stepped back from: let it go.
      if (here === undefined || there === undefined) return false;
      undoing = true;
      window.history.go(here - there);
      setBlocker({
        state: 'blocked',
        proceed: () => {
          setBlocker(UNBLOCKED);
          letThrough = true;
          window.history.go(there - here);
        },
        reset: () => setBlocker(UNBLOCKED),
      });
      return true;
    });
    // `key`: a new history entry on the same path (a search) has its own index.
  }, [pathname, key]);

  return blocker;
}
