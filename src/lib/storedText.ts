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
