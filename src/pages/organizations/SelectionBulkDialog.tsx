// A bulk action on the organizations page's selection (some rows, or "all N matching" a search),
// in a dialog whose code is its own chunk (the list's first JS stays within its budget): choose
// the action, see the preview (count, each field before → after), run it as a job on the server,
// watch it, undo it. The same flow, routes and role checks as a check's bulk action
// (BulkActionSection.tsx); the server resolves "all matching" when the job is made.
import '@mantine/core/styles/Progress.css';
import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { BulkTarget } from '../../api/cleanup/bulk.ts';
import {
  BulkActionForm,
  type BulkActionKind,
} from '../../components/dataQuality/bulk/BulkActionForm.tsx';
import { useBulkAction } from '../../hooks/cleanup/useBulkAction.ts';
import { bulkActionOf, BulkPreviewAndJobs } from '../cleanup/BulkPreviewAndJobs.tsx';

export interface SelectionBulkDialogProps {
  chatbotId: string;
  target: BulkTarget;
  /** "The 12 selected organizations", "All 1,204 matching “berlin”". */
  scopeLabel: string;
  onClose: () => void;
}

export function SelectionBulkDialog({
  chatbotId,
  target,
  scopeLabel,
  onClose,
}: SelectionBulkDialogProps) {
  const bulk = useBulkAction(chatbotId);
  const [kind, setKind] = useState<BulkActionKind>('setIndustry');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const changed = () => {
    setProblem(null);
    bulk.previewRequest(null);
  };
  const close = () => {
    // The job goes on on the server; the dialog stops watching it.
    bulk.dismiss();
    onClose();
  };
  return (
    <Modal opened onClose={close} title="Bulk action" size="lg" fullScreen={false} centered>
      <Stack gap="md">
        <BulkActionForm
          scope="selection"
          onScopeChange={() => {}}
          selectedCount={0}
          findingsCount={0}
          fixes={false}
          scopeLabel={scopeLabel}
          actionKind={kind}
          onActionKindChange={(next) => {
            setKind(next);
            changed();
          }}
          value={value}
          onValueChange={(next) => {
            setValue(next);
            changed();
          }}
          problem={problem}
          query=""
          onQueryChange={() => {}}
          queryProblem={null}
          onPreview={() => {
            const action = bulkActionOf(kind, value, null);
            if (typeof action === 'string') setProblem(action);
            else bulk.previewRequest({ action, target });
          }}
          previewing={bulk.previewPending}
        />
        <BulkPreviewAndJobs bulk={bulk} />
      </Stack>
    </Modal>
  );
}
