import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { lacksKey } from '../api-key.ts';
import type { ConsoleAccess } from './console-access.ts';
import type { ConsoleEnv } from './console-env.ts';

/**
 * The header the console's own page sends with every API request (src/api/client.ts). A page on
 * another origin can set it only after a CORS preflight, which the console never grants (it
 * answers OPTIONS with 405 and sends no Access-Control-* header), so a form, a beacon or a
 * `no-cors` fetch from elsewhere cannot carry it.
 */
export const CONSOLE_REQUEST_HEADER = 'x-console-request';
export const CONSOLE_REQUEST_VALUE = '1';

// RFC 9110 §9.2.1: methods that change nothing. Anything else (also PUT, PROPFIND…) is a write.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// What only the console's page and API clients read: refused to another site's page even for a
// GET (Fetch Metadata resource isolation), so it cannot be embedded or timed from there.
const API_PREFIXES = ['/v1/', '/console/'];
// Pages of sign-in that another site's page may open as a top-level navigation: a deep link from a
// chat tool goes through sign-in, and the provider sends the browser back to the callback. They
// change nothing another site could use (the callback only accepts a sign-in this browser began).
// The lookup's sign-in pop-up ends on /console/frame-sign-in, a page whose script asks for its code.
const SIGN_IN_PAGES = new Set([
  '/console/sign-in',
  '/console/callback',
  '/console/signed-out',
  '/console/frame-sign-in',
]);

export const CROSS_SITE_WRITE_ERROR =
  "Refused: a request that changes data must come from the console's own page, or carry its " +
  'own API key (x-chatcaptain-key).';
export const MISSING_CONSOLE_HEADER_ERROR =
  "Refused: the console's page sends X-Console-Request: 1 with every change, and a request " +
  'without it changes nothing. A script sends its own API key (x-chatcaptain-key) instead.';
export const CROSS_SITE_READ_ERROR =
  "Refused: the console's API answers its own pages only, not another site's.";

/**
 * A request that changes data passes only when it comes from one of the console's origins
 * (`Origin`, or `Sec-Fetch-Site: same-origin` when a browser sends no Origin) and carries
 * X-Console-Request: 1. A request with its own `x-chatcaptain-key` is an API client (a script, a
 * test): no page can send that header cross-site either, so it skips this rule — never the Host
 * allowlist or the body rules. Hono's `csrf` middleware checks only form-like content types and
 * accepts either signal alone, so this stricter rule is written here.
 */
export function sameOriginRule(access: ConsoleAccess) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const crossSite = site === 'cross-site' || site === 'same-site';
    if (SAFE_METHODS.has(c.req.method)) {
      if (crossSite && isApiPath(c.req.path) && !isApiClient(c) && !isSignInNavigation(c)) {
        return c.json({ error: CROSS_SITE_READ_ERROR }, 403);
      }
      return next();
    }
    if (isApiClient(c)) return next();
    const origin = c.req.header('origin');
    const fromConsole = origin === undefined ? site === 'same-origin' : access.origins.has(origin);
    if (!fromConsole || (site !== undefined && site !== 'same-origin')) {
      return c.json({ error: CROSS_SITE_WRITE_ERROR }, 403);
    }
    if (c.req.header(CONSOLE_REQUEST_HEADER) !== CONSOLE_REQUEST_VALUE) {
      return c.json({ error: MISSING_CONSOLE_HEADER_ERROR }, 403);
    }
    return next();
  });
}

/** A request carrying its own (non-blank) key: a script or a test, not a page. */
export function isApiClient(c: Context): boolean {
  return !lacksKey(c.req.raw.headers);
}

/** A top-level navigation (not a frame, a fetch or an image) to one of the sign-in pages. */
function isSignInNavigation(c: Context): boolean {
  return (
    SIGN_IN_PAGES.has(c.req.path) &&
    c.req.header('sec-fetch-mode') === 'navigate' &&
    c.req.header('sec-fetch-dest') === 'document'
  );
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path.startsWith(prefix));
}
