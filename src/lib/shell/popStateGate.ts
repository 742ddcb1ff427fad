// Back and Forward reach the app as a popstate on window, which the router handles as soon as it
// arrives. A page that must ask before leaving (useNavigationBlocker) needs to see it first, and
// listeners on one target run in the order they were added, so this one is added before the
// router exists (main.tsx) and hands each popstate to whichever page holds the gate.

/** Returns true when it has taken the event (the router must not see it). */
export type PopStateHandler = (event: PopStateEvent) => boolean;

let holder: PopStateHandler | undefined;

/** Call once, before the router is created. */
export function installPopStateGate(target: Window = window): void {
  target.addEventListener('popstate', (event) => {
    if (holder?.(event) === true) event.stopImmediatePropagation();
  });
}

/** Lets `handler` see every popstate before the router; returns the release. */
export function holdPopStateGate(handler: PopStateHandler): () => void {
  holder = handler;
  return () => {
    if (holder === handler) holder = undefined;
  };
}
