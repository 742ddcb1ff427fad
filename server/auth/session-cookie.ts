// Every cookie the console sets, named and shaped in this one place: the session's (an opaque id,
// its SHA-256 in the store) and the short-lived one that ties a sign-in to the browser that began
// it. Over https both are `Secure` with the `__Host-` prefix (this host only, path /, no Domain).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { isLoopbackOrigin } from '../embed/embed-config.ts';

export interface CookiePolicy {
  /** The console is served over https (CONSOLE_URL): `Secure` and the `__Host-` prefix. */
  https: boolean;
  /**
   * The hook for embedding the console in another site's page (EMBED_ALLOWED_ORIGINS): the
   * session cookie must then travel in a third-party frame, as `SameSite=None; Secure;
   * Partitioned` (CHIPS: a separate cookie jar per embedding site). Requires https, or a console
   * on this machine (browsers treat http://localhost as secure). Writes stay protected by the
   * same-origin rule (Origin and X-Console-Request), not by SameSite. Off: the cookies are as they
   * were before embedding existed (SameSite=Lax).
   */
  embedded: boolean;
}

export const SESSION_COOKIE = 'console_session';
export const SIGN_IN_COOKIE = 'console_sign_in';

/** How long a sign-in may take at the provider (also the sign-in state's lifetime). */
export const SIGN_IN_TTL_MS = 10 * 60_000;

export function cookiePolicy(consoleUrl: string | undefined, embedded = false): CookiePolicy {
  const https = consoleUrl?.startsWith('https:') ?? false;
  // Without CONSOLE_URL the console answers loopback names only (console-access.ts).
  const loopback = consoleUrl === undefined || isLoopbackOrigin(consoleUrl);
  if (embedded && !https && !loopback) {
    throw new Error('an embedded console needs https (SameSite=None cookies must be Secure)');
  }
  return { https, embedded };
}

/** The cookie's name as the browser sends it back. */
export function cookieName(policy: CookiePolicy, name: string): string {
  return policy.https ? `__Host-${name}` : name;
}

/** The attributes of the session cookie. No Max-Age: the server decides when a session ends. */
export function sessionCookieOptions(policy: CookiePolicy): CookieOptions {
  const base = { path: '/', httpOnly: true };
  if (policy.embedded) {
    return { ...base, secure: true, sameSite: 'None', partitioned: true };
  }
  return policy.https ? { ...base, secure: true, sameSite: 'Lax' } : { ...base, sameSite: 'Lax' };
}

/**
 * The sign-in cookie holds the `state` sent to the provider: the callback accepts a code only in
 * the browser that asked for it (no login CSRF). Lax, so the provider's redirect back carries it.
 */
function signInCookieOptions(policy: CookiePolicy): CookieOptions {
  const options = sessionCookieOptions(policy);
  return { ...options, maxAge: SIGN_IN_TTL_MS / 1000 };
}

export function readSessionCookie(c: Context, policy: CookiePolicy): string | undefined {
  return getCookie(c, cookieName(policy, SESSION_COOKIE));
}

export function setSessionCookie(c: Context, policy: CookiePolicy, id: string): void {
  setCookie(c, cookieName(policy, SESSION_COOKIE), id, sessionCookieOptions(policy));
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, cookieName(policy, SESSION_COOKIE), sessionCookieOptions(policy));
}

export function readSignInCookie(c: Context, policy: CookiePolicy): string | undefined {
  return getCookie(c, cookieName(policy, SIGN_IN_COOKIE));
}

export function setSignInCookie(c: Context, policy: CookiePolicy, state: string): void {
  setCookie(c, cookieName(policy, SIGN_IN_COOKIE), state, signInCookieOptions(policy));
}

export function clearSignInCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, cookieName(policy, SIGN_IN_COOKIE), sessionCookieOptions(policy));
}
