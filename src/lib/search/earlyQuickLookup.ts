// Ctrl+K / ⌘K pressed on the server's page before the app ran: the built page's starter
// (startAfterFirstPaint.ts) notes it; the app's shortcut takes the note once it listens itself.
import { EARLY_QUICK_LOOKUP_GLOBAL } from '../shell/startAfterFirstPaint.ts';

/** Stops the starter's noting; true when quick lookup was asked for (an odd number of times). */
export function takeEarlyQuickLookup(): boolean {
  const take = (window as unknown as Record<string, unknown>)[EARLY_QUICK_LOOKUP_GLOBAL];
  if (typeof take !== 'function') return false;
  Reflect.deleteProperty(window, EARLY_QUICK_LOOKUP_GLOBAL);
  return (take as () => boolean)() === true;
}
