import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  addRecent,
  parseRecent,
  recentStorageKey,
  sameRecent,
  type RecentOrganization,
} from '../../lib/search/searchRecent.ts';
import { readStoredText, storageSubscriber } from '../../lib/shared/storedText.ts';
import { afterNextPaint } from '../../lib/shell/afterNextPaint.ts';

/** Same-tab writes: the `storage` event only reaches other tabs. */
const CHANGE_EVENT = 'organizations-console:recent-organizations';

const subscribe = storageSubscriber(CHANGE_EVENT);

/**
 * Remembers that an organization was opened: it goes first in the chatbot's list of recently
 * opened organizations (ten at most, in local storage), which the quick lookup offers before
 * anything is typed. Safe to call on every render of a page: an unchanged list is not written.
 */
export function recordRecentOrganization(chatbotId: string, organization: RecentOrganization) {
  const key = recentStorageKey(chatbotId);
  const current = parseRecent(readStoredText(key));
  const next = addRecent(current, organization);
  if (sameRecent(current, next)) return;
  try {
    window.localStorage.setItem(key, JSON.stringify(next));
  } catch {
    return; // Full or disabled storage: forgetting history is better than failing the page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The chatbot's recently opened organizations, most recent first; follows other tabs too. */
export function useRecentOrganizations(chatbotId: string | undefined): RecentOrganization[] {
  const key = chatbotId === undefined ? null : recentStorageKey(chatbotId);
  // The raw string is the snapshot (stable between reads); it is parsed below.
  const stored = useSyncExternalStore(
    subscribe,
    () => (key === null ? null : readStoredText(key)),
    () => null,
  );
  return useMemo(() => parseRecent(stored), [stored]);
}

/**
 * Records the organization a page shows as recently opened, once it has loaded (and again when
 * its name, email or website change). For the organization page:
 * `useRecordRecentOrganization(chatbotId, organizationQuery.data?.organization)`. Recorded after
 * the page's next paint: the write re-renders whoever shows the list (the quick lookup), which
 * delayed an opened organization's first paint (`npm run bench`); a page left sooner records it
 * as it goes.
 */
export function useRecordRecentOrganization(
  chatbotId: string | undefined,
  organization: RecentOrganization | undefined | null,
) {
  const id = organization?.id;
  const name = organization?.name;
  const email = organization?.email;
  const website = organization?.website;
  const record = useCallback(() => {
    if (chatbotId === undefined || id === undefined || name === undefined) return;
    recordRecentOrganization(chatbotId, { id, name, email, website });
  }, [chatbotId, id, name, email, website]);
  useEffect(() => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      record();
    };
    const cancel = afterNextPaint(once);
    return () => {
      cancel();
      once();
    };
  }, [record]);
}
