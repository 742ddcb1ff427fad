// Paces a bulk job's writes at a steady rate (BULK_RATE_PER_SECOND) and waits out the API's
// "slow down" (429, or 503 with `Retry-After`) before sending the same request again.

export class Aborted extends Error {}

/** Resolves after `ms`, or rejects with `Aborted` as soon as the signal is aborted. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Aborted('stopped'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Aborted('stopped'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface Pacer {
  /** Waits until the next write may go: at most `ratePerSecond` a second, evenly spaced. */
  next(signal: AbortSignal): Promise<void>;
  /** Holds every write back until `ms` from now (a 429's `Retry-After`). */
  holdFor(ms: number): void;
}

export function createPacer(ratePerSecond: number, now: () => number = Date.now): Pacer {
  const interval = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  let nextAt = 0;
  return {
    async next(signal) {
      const at = now();
      const wait = nextAt - at;
      nextAt = Math.max(at, nextAt) + interval;
      if (wait > 0) await pause(wait, signal);
    },
    holdFor(ms) {
      nextAt = Math.max(nextAt, now() + ms);
    },
  };
}

/** How long to wait when the API says "slow down" without a `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;
/** A `Retry-After` longer than this is waited for this long, then asked again. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** After this many "slow down" answers in a row the item fails (the job goes on). */
export const MAX_SLOW_DOWNS = 20;

/** Whether an answer asks the client to slow down and try again. */
export function isSlowDown(status: number, retryAfterSeconds: number | null): boolean {
  return status === 429 || (status === 503 && retryAfterSeconds !== null);
}

export function slowDownMs(retryAfterSeconds: number | null): number {
  return retryAfterSeconds === null
    ? DEFAULT_RETRY_AFTER_MS
    : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterSeconds * 1000));
}
