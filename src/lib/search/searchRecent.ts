import { object, optional, safeParse, string } from '../../api/validate.ts';
import { parseStoredList } from '../shared/storedText.ts';

/** How many recently opened organizations the quick lookup offers. */
export const RECENT_LIMIT = 10;

/** What the quick lookup remembers of an opened organization: enough to show and copy it. */
export interface RecentOrganization {
  id: string;
  name: string;
  email?: string;
  website?: string;
}

const recentEntrySchema = object({
  id: string(),
  name: string(),
  email: optional(string()),
  website: optional(string()),
});

/** The local storage key of one chatbot's recent organizations. */
export function recentStorageKey(chatbotId: string): string {
  return `organizations-console:recent-organizations:${encodeURIComponent(chatbotId)}`;
}

/**
 * The stored list, read defensively: local storage is shared with whatever else ran on this
 * origin and may hold anything, so unreadable text gives an empty list and malformed entries
 * are skipped rather than failing the palette.
 */
export function parseRecent(stored: string | null): RecentOrganization[] {
  return parseStoredList(
    stored,
    (item) => {
      const parsed = safeParse(recentEntrySchema, item);
      return parsed.success ? parsed.data : undefined;
    },
    (entry) => entry.id,
    RECENT_LIMIT,
  );
}

/** The list with `opened` first, any older entry of the same organization removed, capped. */
export function addRecent(
  list: readonly RecentOrganization[],
  opened: RecentOrganization,
): RecentOrganization[] {
  const entry: RecentOrganization = { id: opened.id, name: opened.name };
  if (opened.email !== undefined) entry.email = opened.email;
  if (opened.website !== undefined) entry.website = opened.website;
  return [entry, ...list.filter((item) => item.id !== opened.id)].slice(0, RECENT_LIMIT);
}

/** Whether two lists hold the same entries in the same order (saves needless writes). */
export function sameRecent(a: readonly RecentOrganization[], b: readonly RecentOrganization[]) {
  return JSON.stringify(a) === JSON.stringify(b);
}
