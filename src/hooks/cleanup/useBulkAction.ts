// A bulk action from choice to undo: the action and the records it runs on as a person sets them,
// the preview (asked for on demand, paged), the job once confirmed (its progress refreshed every
// second, and the skipped or failed records), cancel, and Undo (a job too). The job being watched
// is in the URL (`?bulkJob=`, `?bulkUndo=`), so a reload keeps watching it. When a job finishes,
// the data-quality findings and every cached organization are asked for again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  cancelBulkJob,
  startBulkJob,
  undoBulkJob,
  type BulkAction,
  type BulkTarget,
} from '../../api/cleanup/bulk.ts';
import { bulkJobIsActive, bulkQueries } from '../queries/bulkQueries.ts';
import { dataQualityQueries } from '../queries/dataQualityQueries.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

export interface BulkRequest {
  action: BulkAction;
  target: BulkTarget;
}

function useWatchedJob(chatbotId: string, jobId: string | null) {
  const queryClient = useQueryClient();
  const job = useQuery({
    ...bulkQueries.job(chatbotId, jobId ?? ''),
    enabled: jobId !== null,
  });
  const active = bulkJobIsActive(job.data);
  const problems = useQuery({
    ...bulkQueries.problems(chatbotId, jobId ?? '', active),
    enabled: jobId !== null,
  });
  const finished = job.data !== undefined && !active ? job.data.id : null;
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (finished === null || handled.current === finished) return;
    handled.current = finished;
    // Finished (or found finished): what it wrote shows in the queue and the lists.
    void queryClient.invalidateQueries({ queryKey: dataQualityQueries.dataQualities(chatbotId) });
    void queryClient.invalidateQueries({ queryKey: organizationQueries.all() });
    void queryClient.invalidateQueries({
      queryKey: bulkQueries.problems(chatbotId, finished, false).queryKey,
    });
  }, [finished, chatbotId, queryClient]);
  return {
    job: job.data,
    jobError: job.error?.message ?? null,
    retryJob: () => void job.refetch(),
    problems: problems.data?.items ?? [],
    moreProblems: (problems.data?.nextAfterSeq ?? null) !== null,
  };
}

export function useBulkAction(chatbotId: string) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('bulkJob');
  const undoId = params.get('bulkUndo');
  const [previewed, setPreviewed] = useState<BulkRequest | null>(null);
  const [offset, setOffset] = useState(0);
  const preview = useQuery({
    ...bulkQueries.preview(
      chatbotId,
      previewed?.action ?? { kind: 'delete' },
      previewed?.target ?? { kind: 'selection', ids: [] },
      offset,
    ),
    enabled: previewed !== null,
  });

  const watch = (key: 'bulkJob' | 'bulkUndo', id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete(key);
        else next.set(key, id);
        if (key === 'bulkJob') next.delete('bulkUndo');
        return next;
      },
      { replace: true },
    );

  const start = useMutation({
    mutationFn: (asked: BulkRequest) => startBulkJob(chatbotId, asked.action, asked.target),
    onSuccess: (job) => {
      setPreviewed(null);
      watch('bulkJob', job.id);
    },
  });
  const undo = useMutation({
    mutationFn: (id: string) => undoBulkJob(chatbotId, id),
    onSuccess: (job, undone) => {
      watch('bulkUndo', job.id);
      void queryClient.invalidateQueries({
        queryKey: bulkQueries.job(chatbotId, undone).queryKey,
      });
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => cancelBulkJob(chatbotId, id),
    onSettled: (_job, _error, id) =>
      void queryClient.invalidateQueries({ queryKey: bulkQueries.job(chatbotId, id).queryKey }),
  });
  const main = useWatchedJob(chatbotId, jobId);
  const undoing = useWatchedJob(chatbotId, undoId);

  return {
    /** Asks for the preview of this request from its first page (or its next page). */
    previewRequest: (asked: BulkRequest | null) => {
      setPreviewed(asked);
      setOffset(0);
      start.reset();
    },
    previewed,
    preview: preview.data,
    previewPending: previewed !== null && preview.isPending,
    previewFetching: preview.isFetching,
    previewError: preview.error?.message ?? null,
    retryPreview: () => void preview.refetch(),
    previewOffset: offset,
    setPreviewOffset: setOffset,
    run: () => {
      if (previewed !== null) start.mutate(previewed);
    },
    starting: start.isPending,
    startError: start.error?.message ?? null,
    job: main,
    undoJob: undoing,
    undo: () => {
      if (jobId !== null) undo.mutate(jobId);
    },
    undoPending: undo.isPending,
    undoError: undo.error?.message ?? null,
    cancel: (id: string) => cancel.mutate(id),
    cancelling: cancel.isPending,
    cancelError: cancel.error?.message ?? null,
    /** Stops watching the jobs (they go on running on the server). */
    dismiss: () => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('bulkJob');
          next.delete('bulkUndo');
          return next;
        },
        { replace: true },
      );
    },
  };
}
