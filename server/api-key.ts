import type { ResolvedOperation } from './pipeline/console-env.ts';
import { API_KEY_HEADER } from './sandbox/http/authorize.ts';

export { API_KEY_HEADER };

/**
 * Whatever answers `/v1/*`: the sandbox in-process, or the upstream proxy. It is called only for
 * one of the eight operations, whose checked path and query come with it.
 */
export type ApiHandler = (request: Request, resolved: ResolvedOperation) => Promise<Response>;

/** No key header, or a blank one. */
export function lacksKey(headers: Headers): boolean {
  return (headers.get(API_KEY_HEADER) ?? '').trim() === '';
}

/**
 * The in-process sandbox's fetch handler, given the configured key for keyless requests. The key
 * goes into the request's own headers (this server's object for this one exchange) rather than
 * into a copy: a copied Request is a full undici Request with its own abort signal, about a tenth
 * of the server's time for a list page of 100. A key the browser sends wins, so a user can try a
 * narrower key (e.g. read-only) without a restart.
 */
export function sandboxApiHandler(
  sandboxFetch: (request: Request) => Promise<Response>,
  apiKey: string,
): ApiHandler {
  return async (request) => {
    if (lacksKey(request.headers)) request.headers.set(API_KEY_HEADER, apiKey);
    return sandboxFetch(request);
  };
}
