// Which headers cross the proxy, each way: named ones only. The browser's cookies, its Origin,
// the console's own X-Console-Request and anything hop-by-hop stay here; the upstream's cookies,
// CORS grants, caching of other hosts, Clear-Site-Data, Content-Disposition and the like never
// reach the console's origin.
import { API_KEY_HEADER, lacksKey } from '../api-key.ts';
import { ACCEPTED_ENCODINGS } from './capped-request.ts';

const REQUEST_HEADERS_FORWARDED = [
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'x-request-id',
  API_KEY_HEADER,
];

const RESPONSE_HEADERS_FORWARDED = new Set([
  'content-type',
  'content-language',
  'cache-control',
  'expires',
  'etag',
  'last-modified',
  'vary',
  'date',
  'retry-after',
  'x-request-id',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]);

/**
 * The headers sent upstream: the forwarded ones, the server's key when the request carries none
 * of its own (a key the browser sends wins, so a user can try a narrower one), the encodings the
 * proxy decodes itself and the body's length.
 */
export function upstreamRequestHeaders(
  headers: Headers,
  apiKey: string | undefined,
  body: Uint8Array | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of REQUEST_HEADERS_FORWARDED) {
    const value = headers.get(name);
    if (value !== null) result[name] = value;
  }
  if (apiKey !== undefined && lacksKey(headers)) result[API_KEY_HEADER] = apiKey;
  result['accept-encoding'] = ACCEPTED_ENCODINGS;
  if (body !== undefined) result['content-length'] = String(body.byteLength);
  return result;
}

/** The upstream's headers the browser gets; `keep` may drop one more (one echoing the key). */
export function consoleResponseHeaders(
  pairs: readonly (readonly [string, string])[],
  keep: (value: string) => boolean,
): Headers {
  const result = new Headers();
  for (const [name, value] of pairs) {
    if (RESPONSE_HEADERS_FORWARDED.has(name) && keep(value)) result.append(name, value);
  }
  return result;
}
