// How the Edit tab's form opens, from the draft this browser kept of it (formDraft.ts): afresh
// when there is none, restored when it was made on the stored version, or offered for review when
// the organization changed since.
import { timeAgo } from '../shared/relativeTime.ts';
import { isDraftOutdated, type FormDraft } from './formDraft.ts';

/** How the form opened: afresh, from a draft of this version, or from a draft awaiting review. */
export type EditOpening =
  | { kind: 'fresh' }
  | { kind: 'restored'; savedAgo: string }
  | { kind: 'applied' }
  | { kind: 'review'; draft: FormDraft; savedAgo: string };

/** `storedUpdated`: the `updated` of the organization as stored now. */
export function editOpening(
  found: FormDraft | undefined,
  storedUpdated: string,
  nowMs: number = Date.now(),
): EditOpening {
  if (found === undefined) return { kind: 'fresh' };
  const savedAgo = timeAgo(found.savedAtMs, nowMs);
  if (isDraftOutdated(found, storedUpdated)) return { kind: 'review', draft: found, savedAgo };
  return { kind: 'restored', savedAgo };
}
