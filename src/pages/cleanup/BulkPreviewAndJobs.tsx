// What the Data quality page's bulk section (BulkActionSection.tsx) and the organizations page's
// selection dialog (SelectionBulkDialog.tsx) share below their forms: the chosen action read from
// the form, the preview with its Run, then the job and its undo, each with its progress,
// problems, cancel and undo, as useBulkAction reports them.
import { BULK_PREVIEW_PAGE, type BulkAction } from '../../api/cleanup/bulk.ts';
import type { BulkActionKind } from '../../components/dataQuality/bulk/BulkActionForm.tsx';
import { BulkJobProgress } from '../../components/dataQuality/bulk/BulkJobProgress.tsx';
import { BulkPreviewTable } from '../../components/dataQuality/bulk/BulkPreviewTable.tsx';
import { bulkJobIsActive } from '../../hooks/queries/bulkQueries.ts';
import type { useBulkAction } from '../../hooks/cleanup/useBulkAction.ts';

/**
 * The action the form describes, or the sentence saying what is missing. Applying fixes needs
 * the check they come from (`check`: null where there is none, the selection's dialog).
 */
export function bulkActionOf(
  kind: BulkActionKind,
  value: string,
  check: string | null,
): BulkAction | string {
  if (kind === 'applyFix') {
    return check === null
      ? 'Apply a check’s fixes from its queue on the Data quality page.'
      : { kind, check };
  }
  if (kind === 'delete') return { kind };
  const text = value.trim();
  if (text === '') return `Give the ${kind === 'setIndustry' ? 'industry' : 'country'} to set.`;
  return { kind, value: text };
}

export function BulkPreviewAndJobs({ bulk }: { bulk: ReturnType<typeof useBulkAction> }) {
  const main = bulk.job;
  const undo = bulk.undoJob;
  return (
    <>
      {bulk.previewed !== null && (
        <BulkPreviewTable
          preview={bulk.preview}
          pending={bulk.previewPending}
          fetching={bulk.previewFetching}
          error={bulk.previewError}
          onRetry={bulk.retryPreview}
          pageSize={BULK_PREVIEW_PAGE}
          onPage={bulk.setPreviewOffset}
          onRun={bulk.run}
          running={bulk.starting}
          runError={bulk.startError}
        />
      )}
      {(main.job !== undefined || main.jobError !== null) && (
        <BulkJobProgress
          label="Bulk action"
          job={main.job}
          error={main.jobError}
          onRetry={main.retryJob}
          problems={main.problems}
          moreProblems={main.moreProblems}
          onCancel={
            bulkJobIsActive(main.job) && main.job !== undefined
              ? () => main.job !== undefined && bulk.cancel(main.job.id)
              : null
          }
          cancelling={bulk.cancelling}
          onUndo={main.job?.undoable ? bulk.undo : null}
          undoing={bulk.undoPending}
          actionError={bulk.undoError ?? bulk.cancelError}
        />
      )}
      {(undo.job !== undefined || undo.jobError !== null) && (
        <BulkJobProgress
          label="Undo"
          job={undo.job}
          error={undo.jobError}
          onRetry={undo.retryJob}
          problems={undo.problems}
          moreProblems={undo.moreProblems}
          onCancel={
            bulkJobIsActive(undo.job) && undo.job !== undefined
              ? () => undo.job !== undefined && bulk.cancel(undo.job.id)
              : null
          }
          cancelling={bulk.cancelling}
          onUndo={null}
          undoing={false}
          actionError={null}
        />
      )}
    </>
  );
}
