// The finding queue's keys (FindingQueuePage.tsx): J/K next/previous, E edit, X select, M merge
// the duplicate group, Esc back to the overview. Plain letters, so never while typing or with a
// modifier held, nor when something else handled the key.
export type QueueKeyAction = 'next' | 'previous' | 'edit' | 'select' | 'merge' | 'back';

/** The key as the browser reports it (a keyboard event's fields). */
export interface QueueKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
}

export interface QueueKeyContext {
  /** The focus is in a text field (its letters are typed, not commands). */
  typing: boolean;
  /** There is a finding under the position to select. */
  canSelect: boolean;
  /** The finding under the position is a group of duplicates that can be merged. */
  canMerge: boolean;
}

/** What the key does in the queue; null when it is left to the page. */
export function queueKeyAction(event: QueueKey, context: QueueKeyContext): QueueKeyAction | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (context.typing) return null;
  const key = event.key.toLowerCase();
  if (key === 'j') return 'next';
  if (key === 'k') return 'previous';
  if (key === 'e') return 'edit';
  if (key === 'x' && context.canSelect) return 'select';
  if (key === 'm' && context.canMerge) return 'merge';
  if (event.key === 'Escape') return 'back';
  return null;
}
