// Whether the console server can be reached, known from the first request that got no answer
// (not after React Query's retries): that failure is checked at once with a cheap
// `GET /console/config` (given VERIFY_TIMEOUT_MS), so one dropped request while the server is up
// changes nothing. Found again by itself: while the server is away the same check asks every few
// seconds, and the browser coming back online, the window regaining focus or "Check now" ask at
// once. React Query's onlineManager follows it, so queries
// pause instead of failing while the server is away (the screen keeps what it has) and refetch
// when it answers again (refetchOnReconnect).
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { onServerReach } from '../../api/client.ts';
import { getConsoleConfig } from '../../api/shell/consoleConfig.ts';
import { createValueStore } from '../../lib/shared/valueStore.ts';

export interface ServerConnection {
  /** The last request reached the console server (or none failed yet). */
  serverReachable: boolean;
  /** The browser says it has a network (`navigator.onLine`). */
  browserOnline: boolean;
  /** When the server was first found unreachable in the current outage (ms since the epoch). */
  lostAtMs: number | null;
  /** When the server answered again after an outage; null once that is old news. */
  backAtMs: number | null;
}

const INITIAL: ServerConnection = {
  serverReachable: true,
  browserOnline: true,
  lostAtMs: null,
  backAtMs: null,
};

const connection = createValueStore<ServerConnection>(INITIAL);

/** Waits between reachability checks while the server is away: soon at first, then steady. */
export const CHECK_DELAYS_MS = [1_000, 2_000, 3_000, 5_000] as const;
/**
 * How long the check after a failed request may take before the server counts as away: the
 * outage is said within a second of the failure (a refused connection fails at once).
 */
export const VERIFY_TIMEOUT_MS = 700;

let checkNow: (evenIfReachable?: boolean) => void = () => {};

/** Asks the server at once whether it is back (the banner's "Check now"). */
export function checkServerNow(): void {
  checkNow();
}

/**
 * Something other than an API request failed to reach the server (a chunk of code could not be
 * fetched): asks the server at once, so an outage is said even before any API request fails.
 */
export function checkServerAfterFailure(): void {
  checkNow(true);
}

export function getServerConnection(): ServerConnection {
  return connection.get();
}

export function useServerConnection(): ServerConnection {
  return useSyncExternalStore(connection.subscribe, connection.get, () => INITIAL);
}

/** Whether requests can be expected to reach the server now. */
export function isConnected(state: ServerConnection): boolean {
  return state.serverReachable && state.browserOnline;
}

export interface ReachabilityOptions {
  /** One request to the console server; its outcome reaches onServerReach like any other. */
  probe?: (signal?: AbortSignal) => Promise<unknown>;
  delaysMs?: readonly number[];
  verifyTimeoutMs?: number;
  target?: Window;
  now?: () => number;
}

/**
 * Starts following the console server's reachability (main.tsx, once). Returns the undo
 * (tests), which also puts React Query's onlineManager back to the browser's own events.
 */
export function installServerReachability({
  probe = (signal) => getConsoleConfig(signal),
  delaysMs = CHECK_DELAYS_MS,
  verifyTimeoutMs = VERIFY_TIMEOUT_MS,
  target = window,
  now = Date.now,
}: ReachabilityOptions = {}): () => void {
  connection.set({ ...INITIAL, browserOnline: target.navigator.onLine !== false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let probing = false;
  let setQueriesOnline: (online: boolean) => void = () => {};

  const update = (changes: Partial<ServerConnection>) => {
    connection.set({ ...connection.get(), ...changes });
    setQueriesOnline(isConnected(connection.get()));
  };

  const stopChecking = () => {
    clearTimeout(timer);
    timer = undefined;
    attempt = 0;
  };
  const scheduleCheck = () => {
    clearTimeout(timer);
    const delay = delaysMs[Math.min(attempt, delaysMs.length - 1)] ?? 5_000;
    attempt += 1;
    timer = setTimeout(() => runCheck(), delay);
  };
  function runCheck() {
    if (probing || connection.get().serverReachable) return;
    probing = true;
    // The outcome arrives through onServerReach; a failure only needs the next check planned.
    probe()
      .catch(() => undefined)
      .finally(() => {
        probing = false;
        if (!connection.get().serverReachable) scheduleCheck();
      });
  }
  // A request got no answer while the server counted as reachable: is it away, or was it that
  // request alone (a dropped connection)? Only the former changes anything.
  let verifying = false;
  const verify = () => {
    if (verifying) return;
    verifying = true;
    const failedAtMs = now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), verifyTimeoutMs);
    probe(controller.signal)
      .then(
        () => undefined,
        () => {
          if (!connection.get().serverReachable) return;
          update({ serverReachable: false, lostAtMs: failedAtMs, backAtMs: null });
          scheduleCheck();
        },
      )
      .finally(() => {
        clearTimeout(timer);
        verifying = false;
      });
  };

  checkNow = (evenIfReachable = false) => {
    if (connection.get().serverReachable) {
      if (evenIfReachable) verify();
      return;
    }
    clearTimeout(timer);
    runCheck();
  };

  const stopListening = onServerReach((reached) => {
    const state = connection.get();
    if (reached) {
      if (state.serverReachable) return;
      stopChecking();
      update({ serverReachable: true, lostAtMs: null, backAtMs: now() });
    } else if (state.serverReachable) {
      verify();
    }
  });

  const onOnline = () => {
    update({ browserOnline: true });
    checkNow();
  };
  const onOffline = () => update({ browserOnline: false });
  const onVisible = () => {
    if (target.document.visibilityState !== 'hidden') checkNow();
  };
  onlineManager.setEventListener((setOnline) => {
    setQueriesOnline = setOnline;
    setOnline(isConnected(connection.get()));
    target.addEventListener('online', onOnline);
    target.addEventListener('offline', onOffline);
    target.addEventListener('focus', onVisible);
    target.document.addEventListener('visibilitychange', onVisible);
    return () => {
      setQueriesOnline = () => {};
      target.removeEventListener('online', onOnline);
      target.removeEventListener('offline', onOffline);
      target.removeEventListener('focus', onVisible);
      target.document.removeEventListener('visibilitychange', onVisible);
    };
  });

  return () => {
    stopListening();
    stopChecking();
    checkNow = () => {};
    connection.set(INITIAL);
    // Back to React Query's own listener (the browser's online and offline events).
    onlineManager.setEventListener((setOnline) => {
      const on = () => setOnline(true);
      const off = () => setOnline(false);
      target.addEventListener('online', on);
      target.addEventListener('offline', off);
      return () => {
        target.removeEventListener('online', on);
        target.removeEventListener('offline', off);
      };
    });
    onlineManager.setOnline(true);
  };
}

/** Clears "connected again" once it has been shown (the banner's timer). */
export function acknowledgeReconnection(): void {
  const state = connection.get();
  if (state.backAtMs !== null) connection.set({ ...state, backAtMs: null });
}
