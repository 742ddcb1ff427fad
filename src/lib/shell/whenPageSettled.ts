import type { QueryClient } from '@tanstack/react-query';

export interface PageSettledOptions {
  /** Pages that fetch nothing (or never finish) get the callback after this long anyway. */
  fallbackMs?: number;
  /** The longest wait for an idle moment once settled; the callback then runs regardless. */
  idleTimeoutMs?: number;
}

type Cancel = () => void;

/** The browser's next idle moment (or `timeoutMs` at the latest); a short timer where unsupported. */
function onIdle(callback: () => void, timeoutMs: number): Cancel {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 50);
  return () => window.clearTimeout(handle);
}

/** After the next frame has been painted, the next idle moment. */
function afterPaintWhenIdle(callback: () => void, timeoutMs: number): Cancel {
  let cancelIdle: Cancel | null = null;
  const frame = window.requestAnimationFrame(() => {
    cancelIdle = onIdle(callback, timeoutMs);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    cancelIdle?.();
  };
}

/**
 * Calls `onSettled` once, when the page's first data is on screen and the browser is idle: some
 * query that a mounted component watches has its answer (data or error), nothing is being
 * fetched, a frame has been painted since, and the main thread has a free moment. Work started
 * then (such as fetching code the page does not need yet) does not compete with the page's own
 * code, requests and first rows. Returns a function that cancels it.
 */
export function whenPageSettled(
  queryClient: QueryClient,
  onSettled: () => void,
  { fallbackMs = 5_000, idleTimeoutMs = 2_000 }: PageSettledOptions = {},
): Cancel {
  const cache = queryClient.getQueryCache();
  let cancelWait: Cancel | null = null;
  let finished = false;

  const firstDataShown = () =>
    cache
      .getAll()
      .some((query) => query.getObserversCount() > 0 && query.state.status !== 'pending');

  const stopWatching = () => {
    unsubscribe();
    window.clearTimeout(fallback);
  };
  const waitForIdle = () => {
    if (cancelWait !== null || finished) return;
    stopWatching();
    cancelWait = afterPaintWhenIdle(() => {
      finished = true;
      onSettled();
    }, idleTimeoutMs);
  };
  const check = () => {
    if (firstDataShown() && queryClient.isFetching() === 0) waitForIdle();
  };

  const unsubscribe = cache.subscribe(check);
  const fallback = window.setTimeout(waitForIdle, fallbackMs);
  check();
  return () => {
    finished = true;
    stopWatching();
    cancelWait?.();
  };
}
