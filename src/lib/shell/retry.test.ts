import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorDetails } from '../../api/client.ts';
import {
  MAX_DELAY_MS,
  MAX_RETRIES,
  MAX_RETRY_AFTER_MS,
  retryDelay,
  shouldRetryMutation,
  shouldRetryQuery,
} from './retry.ts';

function apiError(details: Partial<ApiErrorDetails> & Pick<ApiErrorDetails, 'kind'>): ApiError {
  return new ApiError({ operation: 'listOrganizations', reason: 'Test failure.', ...details });
}

const http = (status: number, retryAfterMs?: number) =>
  apiError({ kind: 'http', status, retryAfterMs });

describe('which query failures are tried again', () => {
  it.each([
    ['network failure', apiError({ kind: 'network' })],
    ['timeout', apiError({ kind: 'timeout' })],
    ['500', http(500)],
    ['502', http(502)],
    ['503', http(503)],
    ['429', http(429)],
  ])('%s: retried, three times at most', (_name, error) => {
    expect(shouldRetryQuery(0, error)).toBe(true);
    expect(shouldRetryQuery(MAX_RETRIES - 1, error)).toBe(true);
    expect(shouldRetryQuery(MAX_RETRIES, error)).toBe(false);
    expect(MAX_RETRIES).toBe(3);
  });

  it.each([
    ['400', http(400)],
    ['401', http(401)],
    ['403', http(403)],
    ['404', http(404)],
    ['409', http(409)],
    ['an answer that breaks the contract', apiError({ kind: 'invalid-response', status: 200 })],
    ['an error that is not an ApiError', new TypeError('x is undefined')],
  ])('%s: never retried', (_name, error) => {
    expect(shouldRetryQuery(0, error)).toBe(false);
  });

  it('a Retry-After longer than a minute: the error is shown instead of waiting', () => {
    expect(shouldRetryQuery(0, http(429, MAX_RETRY_AFTER_MS))).toBe(true);
    expect(shouldRetryQuery(0, http(429, MAX_RETRY_AFTER_MS + 1))).toBe(false);
  });
});

describe('which mutation failures are tried again', () => {
  it('only a 429, which the server did not act on', () => {
    expect(shouldRetryMutation(0, http(429))).toBe(true);
    expect(shouldRetryMutation(MAX_RETRIES, http(429))).toBe(false);
    // A create that timed out or hit a 5xx may have happened: sending it again could duplicate it.
    expect(shouldRetryMutation(0, apiError({ kind: 'timeout' }))).toBe(false);
    expect(shouldRetryMutation(0, apiError({ kind: 'network' }))).toBe(false);
    expect(shouldRetryMutation(0, http(503))).toBe(false);
    expect(shouldRetryMutation(0, http(400))).toBe(false);
  });
});

describe('how long before the next try', () => {
  const network = apiError({ kind: 'network' });

  it('doubles with each failure, between half and all of the step (1 s, 2 s, 4 s)', () => {
    expect(retryDelay(0, network, () => 0)).toBe(500);
    expect(retryDelay(0, network, () => 1)).toBe(1000);
    expect(retryDelay(1, network, () => 0)).toBe(1000);
    expect(retryDelay(1, network, () => 1)).toBe(2000);
    expect(retryDelay(2, network, () => 0.5)).toBe(3000);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelay(20, network, () => 1)).toBe(MAX_DELAY_MS);
  });

  it('spreads retries out: random draws give different delays within the bounds', () => {
    const delays = Array.from({ length: 50 }, () => retryDelay(1, network));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it('waits exactly as long as Retry-After asks, whatever the failure count', () => {
    expect(retryDelay(0, http(429, 7000))).toBe(7000);
    expect(retryDelay(2, http(503, 0))).toBe(0);
    expect(retryDelay(0, http(503, 45_000), () => 0)).toBe(45_000);
  });
});
