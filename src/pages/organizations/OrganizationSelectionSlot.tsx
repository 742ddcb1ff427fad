// Where the organizations page's selection bar goes: nothing until a box is checked (or a bulk
// job is being watched, as after a reload), then the bar, whose code (with the bulk dialog's and
// the export's) loads then (SelectionBar.tsx). It follows the selection itself, so checking a
// box re-renders neither the page nor the list.
import { memo } from 'react';
import { useLocation } from 'react-router';
import { useSelectionSnapshot } from '../../hooks/organizations/useOrganizationSelection.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import {
  selectedCount,
  type OrganizationSelection,
} from '../../lib/organizations/organizationSelection.ts';
import { lazyComponent } from '../../lazyPage.tsx';
import type { SelectionBarProps } from './SelectionBar.tsx';

const SelectionBar = lazyComponent<SelectionBarProps>(
  async () => (await import('./SelectionBar.tsx')).SelectionBar,
  'The selection bar',
).Component;
/** Memoized: the page renders on every page of rows that arrives, the slot on selection changes. */
export const OrganizationSelectionSlot = memo(function OrganizationSelectionSlot(props: {
  chatbotId: string;
  selection: OrganizationSelection;
}) {
  const snapshot = useSelectionSnapshot(props.selection);
  // The job watched is in the URL (useBulkAction.ts); read without URLSearchParams's code.
  const watchingJob = /[?&]bulk(Job|Undo)=/.test(useLocation().search);
  const mayBulk = useWriteAccess(props.chatbotId).updateOrganization === undefined;
  if (selectedCount(snapshot) === 0 && !watchingJob) return null;
  return (
    <SelectionBar
      chatbotId={props.chatbotId}
      selection={props.selection}
      snapshot={snapshot}
      mayBulk={mayBulk}
      watchingJob={watchingJob}
    />
  );
});
