// A bulk action's job and its undo, each with its progress, problems, cancel and undo, as
// useBulkAction reports them: one rendering for the Data quality page's bulk section
// (BulkActionSection.tsx) and the organizations page's selection dialog (SelectionBulkDialog.tsx).
import { BulkJobProgress } from '../components/dataQuality/bulk/BulkJobProgress.tsx';
import { bulkJobIsActive } from '../hooks/queries/bulkQueries.ts';
import type { useBulkAction } from '../hooks/useBulkAction.ts';

export function BulkJobsProgress({ bulk }: { bulk: ReturnType<typeof useBulkAction> }) {
  const main = bulk.job;
  const undo = bulk.undoJob;
  return (
    <>
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
