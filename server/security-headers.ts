import { createMiddleware } from 'hono/factory';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { REQUEST_ID_HEADER, UPSTREAM_REQUEST_ID_HEADER } from './pipeline/request-id.ts';

// Mantine injects <style> tags at run time, so styles may be inline. Scripts are inline only by
// their hash: index.html's colour scheme script (page-html.ts). Contact avatars may come from any
// https host; the API is always this origin (/v1). No site may frame a page unless it is the
// lookup page and the site is in EMBED_ALLOWED_ORIGINS (`frameAncestors`, static.ts).
export function contentSecurityPolicy(
  scriptHashes: readonly string[] = [],
  frameAncestors: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
    "form-action 'self'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site's page may not load any of it as an image, script or the like (no-cors).
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Context variable: the inline scripts' hashes of the HTML page being answered (page-html.ts). */
export const SCRIPT_HASHES = 'scriptHashes';
/** Context variable: the origins that may frame the page being answered (the lookup page only). */
export const FRAME_ANCESTORS = 'frameAncestors';
/**
 * Context variable: the answer keeps its window's opener (COOP unsafe-none): a step of the lookup's
 * sign-in pop-up, or the lookup page itself (static.ts says why).
 */
export const KEEP_OPENER = 'keepOpener';

/**
 * Hand-written rather than `hono/secure-headers` (issue 13): that middleware computes its CSP
 * before the handler runs, while the page's inline-script hashes are known only once page-html.ts
 * has rendered it; it sets headers in place, which throws on a response whose headers are
 * immutable (as fetch returns them, tested in server/contract/static-and-headers.test.ts); it
 * removes no CORS header; and its defaults add HSTS and five more headers this console never sent.
 *
 * Sets the security headers on every response, whoever produced it (static, API, errors), with the
 * request's id (request-id.ts; an upstream's other id for it as X-Upstream-Request-Id), and
 * removes any CORS header (`Access-Control-*`): the console grants no other origin anything,
 * whatever a backend says.
 */
export const securityHeaders = createMiddleware<ConsoleEnv>(async (c, next) => {
  await next();
  const scriptHashes = c.get(SCRIPT_HASHES);
  const frameAncestors = c.get(FRAME_ANCESTORS) ?? [];
  const keepOpener = c.get(KEEP_OPENER);
  const requestId = c.get('requestId');
  const setSecurityHeaders = (headers: Headers) => {
    for (const [name, value] of SECURITY_HEADER_ENTRIES) headers.set(name, value);
    if (requestId !== undefined) {
      // The upstream's own id for the exchange, when it answered with another one than ours.
      const upstreamId = headers.get(REQUEST_ID_HEADER);
      if (upstreamId !== null && upstreamId !== requestId) {
        headers.set(UPSTREAM_REQUEST_ID_HEADER, upstreamId);
      }
      headers.set(REQUEST_ID_HEADER, requestId);
    }
    if (scriptHashes?.length || frameAncestors.length > 0) {
      headers.set('Content-Security-Policy', contentSecurityPolicy(scriptHashes, frameAncestors));
    }
    // X-Frame-Options cannot name origins (ALLOW-FROM is gone from browsers): for a page some
    // sites may frame, frame-ancestors alone decides, as CSP Level 2 browsers do anyway.
    if (frameAncestors.length > 0) headers.delete('X-Frame-Options');
    // COOP same-origin would put the pop-up in a browsing context group of its own at this step
    // (redirects count), and the frame that opened it could never hear back from it; the lookup
    // page in a renderer process of its own, started only once the answer is in (static.ts).
    if (keepOpener === true) headers.set('Cross-Origin-Opener-Policy', 'unsafe-none');
    const cors = [...headers.keys()].filter((name) => name.startsWith('access-control-'));
    for (const name of cors) headers.delete(name);
  };
  try {
    setSecurityHeaders(c.res.headers);
  } catch (error) {
    // A response from fetch() (or Response.redirect) has immutable headers: copy it first. Only
    // then: a copy makes @hono/node-server send the body as a stream instead of at once.
    if (!(error instanceof TypeError)) throw error;
    const response = new Response(c.res.body, c.res);
    setSecurityHeaders(response.headers);
    c.res = undefined;
    c.res = response;
  }
});

const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS);
