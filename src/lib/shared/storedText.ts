// Text a page keeps in this browser's local storage, read and watched for `useSyncExternalStore`:
// the palette's recent organizations and the lookup's pins (local mode) both keep a list there.

/** The stored text, or null when there is none or storage is off (privacy settings). */
export function readStoredText(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * A `subscribe` for `useSyncExternalStore`: calls back on a change made in another tab (the
 * `storage` event) or in this one (`changeEvent`, which the writer dispatches: `storage` only
 * reaches other tabs).
 */
export function storageSubscriber(changeEvent: string) {
  return (onChange: () => void) => {
    window.addEventListener('storage', onChange);
    window.addEventListener(changeEvent, onChange);
    return () => {
      window.removeEventListener('storage', onChange);
      window.removeEventListener(changeEvent, onChange);
    };
  };
}

/**
 * A list kept as JSON in that text, read defensively (storage is shared with whatever else ran on
 * this origin and may hold anything): unreadable text gives an empty list, entries `read` refuses
 * (undefined) are skipped, each id once (the first), at most `limit`.
 */
export function parseStoredList<T>(
  stored: string | null,
  read: (entry: unknown) => T | undefined,
  idOf: (entry: T) => string,
  limit: number,
): T[] {
  if (stored === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const entries: T[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const entry = read(item);
    if (entry === undefined || seen.has(idOf(entry))) continue;
    seen.add(idOf(entry));
    entries.push(entry);
    if (entries.length === limit) break;
  }
  return entries;
}
