// Where the lookup page sends the person: an organization in the full console (a new tab when the
// page is framed in a chat tool, since the frame is too small for it), remembered among the
// recent ones; and sign-in (in a pop-up when framed: hooks/lookup/useFrameSignIn.ts).
import { useSyncExternalStore } from 'react';
import { signInHref } from '../../api/session/session.ts';
import { isRecordable, type PinnedRowData } from '../../lib/lookup/lookupRows.ts';
import { organizationPath } from '../../routes.ts';
import { isFramed } from './useAppContext.ts';
import { useFrameSignIn, type FrameSignInStep } from './useFrameSignIn.ts';
import { recordRecentOrganization } from './useRecentOrganizations.ts';

/** Framing does not change while the page lives. */
const subscribeToNothing = () => () => undefined;
const notFramed = () => false;

export interface LookupNavigation {
  /** Whether the page runs in another page's frame (false in the server's render). */
  framed: boolean;
  /** Where sign-in in the frame's pop-up stands; null when not framed. */
  frameSignIn: FrameSignInStep | null;
  /** Remembers the row among the recent ones (its link is being followed). */
  remember: (row: PinnedRowData) => void;
  openInConsole: (row: PinnedRowData) => void;
  signIn: () => void;
}

export function useLookupNavigation(chatbotId: string): LookupNavigation {
  // Read after hydration: the server's render (which cannot know) says not framed, as the
  // browser's first render must to adopt it.
  const framed = useSyncExternalStore(subscribeToNothing, isFramed, notFramed);
  const frameSignIn = useFrameSignIn();
  const remember = (row: PinnedRowData) => {
    if (!isRecordable(row)) return;
    recordRecentOrganization(chatbotId, {
      id: row.id,
      name: row.name,
      email: row.email,
      website: row.website,
    });
  };
  return {
    framed,
    frameSignIn: framed ? frameSignIn.state : null,
    remember,
    openInConsole: (row) => {
      remember(row);
      const href = organizationPath(chatbotId, row.id);
      if (framed) window.open(href, '_blank', 'noopener');
      else window.location.assign(href);
    },
    signIn: () => {
      if (framed) frameSignIn.start();
      else
        window.location.assign(signInHref(`${window.location.pathname}${window.location.search}`));
    },
  };
}
