// A 401 "sign in to continue" from any request (the session expired or was revoked) sends the page
// to sign-in, which brings the person back to the same address. An edit in progress is not lost:
// the forms keep their drafts in the browser (useFormDraft.ts writes them when the page is hidden,
// as it is when it navigates away) and offer them back on return.
import { useEffect } from 'react';
import { onSignInRequired } from '../../api/client.ts';
import { signInHref } from '../../api/session/session.ts';
import { isSigningOut, markLeavingForSignIn } from '../../lib/session/leavingForSignIn.ts';

/** Where the browser goes; a parameter for tests. */
export type Navigate = (href: string) => void;

export function currentPath(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

export function useSignInWhenRequired(
  navigate: Navigate = (href) => window.location.assign(href),
): void {
  useEffect(() => {
    let sent = false;
    return onSignInRequired(() => {
      // Many queries may fail at once: one navigation. None while signing out: the page is on its
      // way to the provider's sign-out.
      if (sent || isSigningOut()) return;
      sent = true;
      markLeavingForSignIn();
      navigate(signInHref(currentPath(window.location)));
    });
  }, [navigate]);
}
