import { API_KEY_HEADER } from './sandbox/http/authorize.ts';

export { API_KEY_HEADER };

/** Whatever answers `/v1/*`: the sandbox in-process, or the upstream proxy. */
export type ApiHandler = (request: Request) => Promise<Response>;

/**
 * The request's own headers plus the server's key when the request carries none. A key the
 * browser sends wins, so a user can try a narrower key (e.g. read-only) without a restart.
 */
export function headersWithDefaultKey(headers: Headers, apiKey: string | undefined): Headers {
  const result = new Headers(headers);
  if (apiKey !== undefined && (result.get(API_KEY_HEADER) ?? '').trim() === '') {
    result.set(API_KEY_HEADER, apiKey);
  }
  return result;
}

/** The in-process sandbox's fetch handler, given the configured key for keyless requests. */
export function sandboxApiHandler(
  sandboxFetch: (request: Request) => Promise<Response>,
  apiKey: string,
): ApiHandler {
  return async (request) => {
    const body = hasBody(request.method) ? await request.arrayBuffer() : undefined;
    return sandboxFetch(
      new Request(request.url, {
        method: request.method,
        headers: headersWithDefaultKey(request.headers, apiKey),
        body,
        signal: request.signal,
      }),
    );
  };
}

export function hasBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}
