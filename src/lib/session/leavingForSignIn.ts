// Two flags of the page, not of React, so they live below both: the page is on its way to sign-in
// (src/hooks/session/useSignInWhenRequired.ts sets it, the unsaved-changes guard reads it), and the
// person is signing out (src/hooks/session/useSignOut.ts sets it, useSignInWhenRequired reads it).

let leavingForSignIn = false;
let signingOut = false;

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

/**
 * True from the moment Sign out is pressed until it fails. Meanwhile the requests of the page
 * answer 401 as soon as the session has ended; each would send the page to sign-in, where the
 * provider's own session, still open, signs the person straight back in.
 */
export function isSigningOut(): boolean {
  return signingOut;
}

export function markSigningOut(signing: boolean): void {
  signingOut = signing;
}
