// Where sign-in sends a person back to: only a page of this console, given as a path. Anything
// that a browser could read as another site (`//evil.test`, `/\evil.test`, `https://…`, a scheme,
// control characters) is refused, never "cleaned" into something else.

import { FRAME_SIGN_IN_PATH } from './frame-sign-in-page.ts';

const MAX_RETURN_TO_LENGTH = 2_048;
// A base that no real URL has: resolving against it shows whether the path leaves the origin.
const PROBE_ORIGIN = 'http://return-to.invalid';

export type ReturnToCheck = { ok: true; path: string } | { ok: false; reason: string };

/** `returnTo` of `/console/sign-in`: absent means the console's start page. */
export function checkReturnTo(value: string | undefined): ReturnToCheck {
  if (value === undefined || value === '') return { ok: true, path: '/' };
  const refuse = (reason: string): ReturnToCheck => ({ ok: false, reason });
  if (value.length > MAX_RETURN_TO_LENGTH) {
    return refuse(`it is longer than ${MAX_RETURN_TO_LENGTH} characters`);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0020\u007f\\]/.test(value)) {
    return refuse('it holds a space, a backslash or a control character');
  }
  if (!value.startsWith('/') || value.startsWith('//')) {
    return refuse('it must be a path on this console, starting with a single /');
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return refuse('it is not a valid path');
  }
  // The path must read back exactly as given: no dot segments or encodings a browser would change.
  if (url.origin !== PROBE_ORIGIN || `${url.pathname}${url.search}${url.hash}` !== value) {
    return refuse('it is not a plain path on this console');
  }
  // The one sign-in address a sign-in may end on: the lookup's pop-up page (frame-sign-in-page.ts).
  if (value === FRAME_SIGN_IN_PATH) return { ok: true, path: value };
  if (url.pathname.startsWith('/console/') || url.pathname.startsWith('/v1/')) {
    return refuse('it must be a page of the console, not one of its API or sign-in addresses');
  }
  return { ok: true, path: value };
}

/** The sign-in address that comes back to `path` (a page of this console). */
export function signInUrl(path: string): string {
  return path === '/'
    ? '/console/sign-in'
    : `/console/sign-in?returnTo=${encodeURIComponent(path)}`;
}
