// What the page is told of a bulk job or an undo: its action in words, progress, timing, and
// whether (and by which job) it can be or was undone.
import type { Job } from '../../store/index.ts';
import { describeAction } from './bulk-actions.ts';
import { BULK_EDIT_KIND } from './bulk-job.ts';
import { readBulkParams, type TargetSummary } from './bulk-params.ts';

export interface BulkJobView {
  id: string;
  kind: 'bulkEdit' | 'bulkUndo';
  state: Job['state'];
  action: string;
  target: TargetSummary | null;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  createdBy: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Records per second since it began; null before the first. */
  ratePerSecond: number | null;
  error: string | null;
  /** For an undo: the job it undoes. */
  undoOf: string | null;
  /** For a bulk job: its undo, once asked for. */
  undoneBy: string | null;
  /** A finished or cancelled bulk job without an undo yet. */
  undoable: boolean;
}

export function bulkJobView(job: Job, undo: Job | null, now: number): BulkJobView {
  const params = readBulkParams(job.params);
  const { done, failed, skipped } = job.progress;
  const handled = done + failed + skipped;
  const elapsed = job.startedAt === null ? 0 : (job.finishedAt ?? now) - job.startedAt;
  const finished = job.state === 'done' || job.state === 'cancelled';
  return {
    id: job.id,
    kind: job.kind === BULK_EDIT_KIND ? 'bulkEdit' : 'bulkUndo',
    state: job.state,
    action:
      params === null
        ? 'Unknown action'
        : job.kind === BULK_EDIT_KIND
          ? describeAction(params.action)
          : `Undo: ${describeAction(params.action)}`,
    target: params?.target ?? null,
    total: job.progress.total ?? 0,
    done,
    failed,
    skipped,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    ratePerSecond:
      handled > 0 && elapsed > 0 ? Math.round(((handled * 1000) / elapsed) * 10) / 10 : null,
    error: job.error,
    undoOf: params?.undoOf ?? null,
    undoneBy: undo?.id ?? null,
    undoable: job.kind === BULK_EDIT_KIND && finished && undo === null && done > 0,
  };
}
