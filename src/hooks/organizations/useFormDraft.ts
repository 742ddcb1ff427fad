// Keeps a form's draft in the browser while it holds unsaved changes
// (lib/organizations/formDraft.ts): written a moment after typing pauses, and at once when the page
// is hidden, closed or left, so a reload, a crash or an outage loses nothing. Removed when the
// changes are saved or discarded.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  browserDraftStorage,
  draftKey,
  parseDraft,
  type DraftStorage,
  type FormDraft,
} from '../../lib/organizations/formDraft.ts';
import type { OrganizationFormValues } from '../../lib/organizations/organizationForm.ts';
import { createValueStore } from '../../lib/shared/valueStore.ts';

/** Typing that pauses this long writes the draft. */
export const DRAFT_WRITE_DELAY_MS = 300;

/** Bumped by every write and removal of this tab, and by other tabs' (`storage` events). */
const draftsChanged = createValueStore(0);
const bump = () => draftsChanged.set(draftsChanged.get() + 1);
let listeningToOtherTabs = false;

function subscribeToDrafts(listener: () => void): () => void {
  if (!listeningToOtherTabs && typeof window !== 'undefined') {
    listeningToOtherTabs = true;
    window.addEventListener('storage', bump);
  }
  return draftsChanged.subscribe(listener);
}

export interface DraftOwner {
  chatbotId: string;
  /** The organization's id, or NEW_ORGANIZATION for the create form. */
  organizationId: string;
  /** Names of text fields beyond the edit form's (the create form's phone number). */
  extraFields?: readonly string[];
  storage?: DraftStorage;
}

export interface FormDraftControls<Values extends OrganizationFormValues> {
  /** The draft found when the form opened, if any. */
  found: FormDraft<Values> | undefined;
  /** The form changed: keep `values` (made on the record version `baseUpdated`). */
  keep: (base: Values, values: Values, baseUpdated: string | null) => void;
  /** Saved or discarded: no draft any more. */
  remove: () => void;
}

export function useFormDraft<Values extends OrganizationFormValues>({
  chatbotId,
  organizationId,
  extraFields = [],
  storage: givenStorage,
}: DraftOwner): FormDraftControls<Values> {
  const [storage] = useState(() => givenStorage ?? browserDraftStorage());
  const key = draftKey(chatbotId, organizationId);
  const [found] = useState(() => parseDraft<Values>(storage.read(key), extraFields));
  const pending = useRef<FormDraft<Values> | null>(null);
  /** Something is in the storage under `key` (found, or written since). */
  const stored = useRef(found !== undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const draft = pending.current;
    if (draft === null) return;
    pending.current = null;
    stored.current = storage.write(key, JSON.stringify(draft)) || stored.current;
    bump();
  }, [storage, key]);

  const keep = useCallback(
    (base: Values, values: Values, baseUpdated: string | null) => {
      pending.current = { savedAtMs: Date.now(), baseUpdated, base, values };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_WRITE_DELAY_MS);
    },
    [flush],
  );

  const remove = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = null;
    if (!stored.current) return;
    stored.current = false;
    storage.remove(key);
    bump();
  }, [storage, key]);

  // Hidden (another tab, the window closing, a reload) or left: written at once.
  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  return { found, keep, remove };
}

/** Whether a draft of this organization's form is kept (the Edit tab says so). */
export function useHasDraft(
  chatbotId: string,
  organizationId: string,
  storage: DraftStorage = defaultStorage(),
): boolean {
  const key = draftKey(chatbotId, organizationId);
  return useSyncExternalStore(
    subscribeToDrafts,
    () => storage.read(key) !== null,
    () => false,
  );
}

let sharedStorage: DraftStorage | undefined;
function defaultStorage(): DraftStorage {
  sharedStorage ??= browserDraftStorage();
  return sharedStorage;
}

/** Removes a draft outside its form (the organization was deleted). */
export function removeDraft(chatbotId: string, organizationId: string): void {
  defaultStorage().remove(draftKey(chatbotId, organizationId));
  bump();
}

/** Keeps a draft for a form not on screen (a new organization whose variables were not saved). */
export function writeDraft(chatbotId: string, organizationId: string, draft: FormDraft): void {
  defaultStorage().write(draftKey(chatbotId, organizationId), JSON.stringify(draft));
  bump();
}
