// The bulk-action queries, under the console factory's domain (consoleQueries.ts):
//
//   ['console', 'bulk', chatbotId, 'preview', action, target, offset]   preview(…)
//   ['console', 'bulk', chatbotId, 'job', jobId]                        job(chatbotId, jobId)
//   ['console', 'bulk', chatbotId, 'job', jobId, 'problems']            problems(chatbotId, jobId)
//
// A module of its own so that its fetchers load with the Data quality page, not the list.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  getBulkJob,
  listBulkJobProblems,
  previewBulkAction,
  type BulkAction,
  type BulkJob,
  type BulkTarget,
} from '../../api/cleanup/bulk.ts';
import { refreshMeta } from './queryMeta.ts';

export function bulkJobIsActive(job: BulkJob | undefined): boolean {
  return job?.state === 'queued' || job?.state === 'running' || job?.state === 'paused';
}

export const bulkQueries = {
  all: (chatbotId: string) => ['console', 'bulk', chatbotId] as const,

  preview: (chatbotId: string, action: BulkAction, target: BulkTarget, offset: number) =>
    queryOptions({
      queryKey: [...bulkQueries.all(chatbotId), 'preview', action, target, offset] as const,
      queryFn: ({ signal }) => previewBulkAction(chatbotId, action, target, offset, signal),
      // The page before stays while the next one loads: the table keeps its height.
      placeholderData: keepPreviousData,
      staleTime: 0,
      meta: refreshMeta('the preview'),
    }),

  job: (chatbotId: string, jobId: string) =>
    queryOptions({
      queryKey: [...bulkQueries.all(chatbotId), 'job', jobId] as const,
      queryFn: ({ signal }) => getBulkJob(chatbotId, jobId, signal),
      // Asked again every second while it runs, so its progress moves.
      refetchInterval: (query) => (bulkJobIsActive(query.state.data) ? 1_000 : false),
      meta: refreshMeta('the bulk action’s progress'),
    }),

  problems: (chatbotId: string, jobId: string, active: boolean) =>
    queryOptions({
      queryKey: [...bulkQueries.all(chatbotId), 'job', jobId, 'problems'] as const,
      queryFn: ({ signal }) => listBulkJobProblems(chatbotId, jobId, 0, signal),
      refetchInterval: active ? 2_000 : false,
      meta: refreshMeta('the bulk action’s results'),
    }),
};
