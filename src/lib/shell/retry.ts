// When React Query tries a failed request again, and after how long. Pure functions, so the
// policy is tested without timers.
import { isApiError, type ApiError } from '../../api/client.ts';

/** Tries after the first failure: four attempts in all. */
export const MAX_RETRIES = 3;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;
/** A server that asks for a longer pause than this gets the error shown instead of a spinner. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A failure that may pass on its own: no answer, no answer in time, a server error (5xx) or
 * "too many requests" (429). A 4xx other than 429 will fail the same way again, and an answer
 * that breaks the contract will not fix itself within seconds.
 */
export function isTransientError(error: unknown): error is ApiError {
  if (!isApiError(error)) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 429 || (error.status !== null && error.status >= 500);
    case 'invalid-response':
      return false;
  }
}

/** React Query's `retry` for queries: `failureCount` is the number of failures before this one. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isTransientError(error)) return false;
  return (error.retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS;
}

/**
 * React Query's `retry` for mutations: only a 429, which says the server did not act on the
 * request. After a timeout or a 5xx a create may have happened, and sending it again could make a
 * second organization; the screen shows the error and the person decides.
 */
export function shouldRetryMutation(failureCount: number, error: unknown): boolean {
  return shouldRetryQuery(failureCount, error) && isApiError(error) && error.status === 429;
}

/**
 * React Query's `retryDelay`: what `Retry-After` asked for, else exponential backoff (1 s, 2 s,
 * 4 s … up to 30 s) with "equal jitter": half the step fixed, half random, so many tabs that
 * failed together do not come back together.
 */
export function retryDelay(
  failureCount: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const step = Math.min(BASE_DELAY_MS * 2 ** failureCount, MAX_DELAY_MS);
  return step / 2 + random() * (step / 2);
}
