// The console server's bulk-action routes (server/cleanup/bulk/bulk-routes.ts): preview an action
// over a selection, a search or a check's findings; start it as a job; follow it; list its
// results per record; cancel; undo.
import { apiPath, request } from '../client.ts';
import { addOperationLabels } from '../permissions.ts';
import { bulkItemPageSchema, bulkJobResponseSchema, bulkPreviewSchema } from './bulkSchemas.ts';
import type { Infer } from '../validate.ts';

export type BulkPreview = Infer<typeof bulkPreviewSchema>;
export type BulkPreviewRow = BulkPreview['rows'][number];
export type BulkJob = Infer<typeof bulkJobResponseSchema>['job'];
export type BulkItemPage = Infer<typeof bulkItemPageSchema>;
export type BulkItem = BulkItemPage['items'][number];

addOperationLabels({
  previewBulkAction: 'preview the bulk action',
  startBulkJob: 'start the bulk action',
  getBulkJob: 'load the bulk action’s progress',
  listBulkJobItems: 'load the bulk action’s results',
  cancelBulkJob: 'cancel the bulk action',
  undoBulkJob: 'undo the bulk action',
});

export type BulkAction =
  | { kind: 'setIndustry'; value: string }
  | { kind: 'setCountry'; value: string }
  | { kind: 'applyFix'; check: string }
  | { kind: 'delete' };

export type BulkTarget =
  | { kind: 'selection'; ids: string[] }
  | { kind: 'search'; query: string }
  | { kind: 'check'; check: string };

export const BULK_PREVIEW_PAGE = 20;

function bulkPath(chatbotId: string, ...rest: string[]): string {
  return apiPath('console', 'chatbots', chatbotId, 'bulk', ...rest);
}

export function previewBulkAction(
  chatbotId: string,
  action: BulkAction,
  target: BulkTarget,
  offset: number,
  signal?: AbortSignal,
): Promise<BulkPreview> {
  return request({
    operation: 'previewBulkAction',
    method: 'POST',
    path: bulkPath(chatbotId, 'preview'),
    body: { action, target, offset, limit: BULK_PREVIEW_PAGE },
    schema: bulkPreviewSchema,
    signal,
  });
}

export async function startBulkJob(
  chatbotId: string,
  action: BulkAction,
  target: BulkTarget,
): Promise<BulkJob> {
  const answer = await request({
    operation: 'startBulkJob',
    method: 'POST',
    path: bulkPath(chatbotId, 'jobs'),
    body: { action, target },
    schema: bulkJobResponseSchema,
  });
  return answer.job;
}

export async function getBulkJob(
  chatbotId: string,
  jobId: string,
  signal?: AbortSignal,
): Promise<BulkJob> {
  const answer = await request({
    operation: 'getBulkJob',
    path: bulkPath(chatbotId, 'jobs', jobId),
    schema: bulkJobResponseSchema,
    signal,
  });
  return answer.job;
}

/** The job's records that were skipped or failed, a page at a time. */
export function listBulkJobProblems(
  chatbotId: string,
  jobId: string,
  afterSeq: number,
  signal?: AbortSignal,
): Promise<BulkItemPage> {
  return request({
    operation: 'listBulkJobItems',
    path: bulkPath(chatbotId, 'jobs', jobId, 'items'),
    query: { status: 'failed,skipped', afterSeq },
    schema: bulkItemPageSchema,
    signal,
  });
}

export async function cancelBulkJob(chatbotId: string, jobId: string): Promise<BulkJob> {
  const answer = await request({
    operation: 'cancelBulkJob',
    method: 'POST',
    path: bulkPath(chatbotId, 'jobs', jobId, 'cancel'),
    schema: bulkJobResponseSchema,
  });
  return answer.job;
}

export async function undoBulkJob(chatbotId: string, jobId: string): Promise<BulkJob> {
  const answer = await request({
    operation: 'undoBulkJob',
    method: 'POST',
    path: bulkPath(chatbotId, 'jobs', jobId, 'undo'),
    schema: bulkJobResponseSchema,
  });
  return answer.job;
}
