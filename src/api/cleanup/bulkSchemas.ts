// Response shapes of the console server's bulk-action routes (server/cleanup/bulk/bulk-routes.ts),
// loaded with the bulk-action panel only.
import * as v from '../validate.ts';

const fieldChangeSchema = v.object({
  field: v.string(),
  before: v.json(),
  after: v.json(),
});

/** POST …/bulk/preview. */
export const bulkPreviewSchema = v.object({
  action: v.string(),
  requiredRole: v.string(),
  mayRun: v.boolean(),
  count: v.number(),
  offset: v.number(),
  nextOffset: v.nullable(v.number()),
  rows: v.array(
    v.object({
      id: v.string(),
      name: v.nullable(v.string()),
      change: v.literals('update', 'delete', 'skip', 'missing'),
      fields: v.array(fieldChangeSchema),
      reason: v.nullable(v.string()),
    }),
  ),
});

export const bulkJobSchema = v.object({
  id: v.string(),
  kind: v.literals('bulkEdit', 'bulkUndo'),
  state: v.literals('queued', 'running', 'paused', 'cancelled', 'done', 'failed'),
  action: v.string(),
  total: v.number(),
  done: v.number(),
  failed: v.number(),
  skipped: v.number(),
  startedAt: v.nullable(v.number()),
  finishedAt: v.nullable(v.number()),
  ratePerSecond: v.nullable(v.number()),
  error: v.nullable(v.string()),
  undoOf: v.nullable(v.string()),
  undoneBy: v.nullable(v.string()),
  undoable: v.boolean(),
});

/** POST …/bulk/jobs, GET …/bulk/jobs/:id, …/cancel, …/undo. */
export const bulkJobResponseSchema = v.object({ job: bulkJobSchema });

/** GET …/bulk/jobs/:id/items. */
export const bulkItemPageSchema = v.object({
  items: v.array(
    v.object({
      seq: v.number(),
      recordId: v.string(),
      name: v.nullable(v.string()),
      status: v.literals('pending', 'done', 'failed', 'skipped'),
      note: v.nullable(v.string()),
      fields: v.array(fieldChangeSchema),
    }),
  ),
  nextAfterSeq: v.nullable(v.number()),
});
