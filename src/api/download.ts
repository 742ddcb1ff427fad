// Files the console server streams (the CSV exports), read as they arrive with progress. Apart
// from client.ts so that it loads with the page that downloads, not with the list's first page.
import {
  announceSignInRequired,
  ApiError,
  buildUrl,
  configuredFetch,
  httpError,
  parseJson,
  reportReach,
  type OperationName,
  type QueryParameters,
} from './client.ts';

export interface DownloadRequest {
  operation: OperationName;
  /** Encoded path, from `apiPath`. */
  path: string;
  query?: QueryParameters;
  /** Sent as JSON in a POST (what is too long for a URL: a selection's ids). */
  body?: unknown;
  /** Told after every chunk: the bytes and lines (CSV rows, header included) received so far. */
  onProgress?: (progress: { bytes: number; lines: number; expectedLines: number | null }) => void;
  signal?: AbortSignal | undefined;
}

/**
 * A file the console server streams (a CSV export): read as it arrives, with progress, into a
 * Blob. No overall timeout (an export of everything takes as long as it takes); the caller's
 * signal cancels it. An error answer throws the same ApiError as `request`.
 */
export async function download(options: DownloadRequest): Promise<Blob> {
  const { operation, signal } = options;
  let response: Response;
  try {
    response = await configuredFetch()(
      buildUrl(options.path, options.query),
      options.body === undefined
        ? { headers: { 'x-console-request': '1' }, signal }
        : {
            method: 'POST',
            headers: { 'x-console-request': '1', 'content-type': 'application/json' },
            body: JSON.stringify(options.body),
            signal,
          },
    );
    reportReach(true);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    reportReach(false);
    throw new ApiError({
      kind: 'network',
      operation,
      reason: 'The server could not be reached. Check the connection and try again.',
      cause,
    });
  }
  if (!response.ok) {
    const error = httpError(operation, response, parseJson(await response.text()));
    if (error.signInRequired) announceSignInRequired();
    throw error;
  }
  const expected = Number(response.headers.get('x-expected-rows'));
  const expectedLines =
    response.headers.has('x-expected-rows') && Number.isFinite(expected) && expected >= 0
      ? expected + 1
      : null;
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      if (reader === undefined) break;
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines += 1;
      options.onProgress?.({ bytes, lines, expectedLines });
    }
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new ApiError({
      kind: 'network',
      operation,
      reason: 'The download broke off before the end. Try again.',
      cause,
    });
  }
  return new Blob(parts as BlobPart[], {
    type: response.headers.get('content-type') ?? 'text/csv',
  });
}
