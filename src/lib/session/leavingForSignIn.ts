// Set once the page is on its way to sign-in (src/hooks/session/useSignInWhenRequired.ts sets it), read by
// the unsaved-changes guard: a flag of the page, not of React, so it lives below both.

let leavingForSignIn = false;

/**
 * True once the page is on its way to sign-in: the unsaved-changes guard then lets it go without
 * the browser's "Leave site?" question (which would keep the page here, signed out, its Save
 * failing), since the draft is written as the page is hidden and offered back on return.
 */
export function isLeavingForSignIn(): boolean {
  return leavingForSignIn;
}

export function markLeavingForSignIn(): void {
  leavingForSignIn = true;
}
