// The edit state of an organization's page: the edit form reports whether it holds unsaved
// changes, and keeps them as a draft. Switching to another tab of the organization keeps them
// (the Edit tab offers them back); leaving the organization asks first (UnsavedChangesGuard), and
// leaving on purpose (after a delete) is let through.
import { useCallback, useEffect, useRef } from 'react';
import { organizationPath } from '../../routes.ts';
import { removeDraft, useHasDraft } from './useFormDraft.ts';

export interface OrganizationEditGuard {
  /** A draft of this organization is kept (the Edit tab says "Unsaved"). */
  hasDraft: boolean;
  /** For the edit form: whether it holds unsaved changes now. */
  onDirtyChange: (dirty: boolean) => void;
  /** For the guard: whether going to `nextPathname` must ask first. */
  shouldBlock: (nextPathname: string) => boolean;
  /** For the guard: whether closing or reloading the tab must ask first. */
  shouldWarnOnUnload: () => boolean;
  /** "Discard changes and leave": the draft goes too. */
  discardDraft: () => void;
  /** The page leaves on purpose (the organization was deleted): nothing asks. */
  leaveOnPurpose: () => void;
}

export function useOrganizationEditGuard(
  chatbotId: string,
  organizationId: string,
): OrganizationEditGuard {
  const formDirty = useRef(false);
  const leavingOnPurpose = useRef(false);
  const hasDraft = useHasDraft(chatbotId, organizationId);
  const hasDraftRef = useRef(hasDraft);
  useEffect(() => {
    hasDraftRef.current = hasDraft;
  }, [hasDraft]);
  const onDirtyChange = useCallback((dirty: boolean) => {
    formDirty.current = dirty;
  }, []);
  const ownPath = organizationPath(chatbotId, organizationId);
  const shouldBlock = useCallback(
    (nextPathname: string) =>
      (formDirty.current || hasDraftRef.current) &&
      !leavingOnPurpose.current &&
      nextPathname !== ownPath &&
      !nextPathname.startsWith(`${ownPath}/`),
    [ownPath],
  );
  const shouldWarnOnUnload = useCallback(() => formDirty.current && !leavingOnPurpose.current, []);
  const discardDraft = useCallback(() => {
    formDirty.current = false;
    removeDraft(chatbotId, organizationId);
  }, [chatbotId, organizationId]);
  const leaveOnPurpose = useCallback(() => {
    leavingOnPurpose.current = true;
  }, []);
  return { hasDraft, onDirtyChange, shouldBlock, shouldWarnOnUnload, discardDraft, leaveOnPurpose };
}
