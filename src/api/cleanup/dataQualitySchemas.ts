// Response shapes of the console server's data-quality routes (server/cleanup/data-quality-routes.ts).
// Apart from schemas.ts so that they load with the Data quality page, not with the list's first
// page (its JS budget).
import * as v from '../validate.ts';

/** The latest data-quality scan job of a chatbot (server/cleanup/data-quality-routes.ts). */
export const scanJobSchema = v.object({
  id: v.string(),
  state: v.literals('queued', 'running', 'paused', 'cancelled', 'done', 'failed'),
  done: v.number(),
  total: v.nullable(v.number()),
  startedAt: v.nullable(v.number()),
  finishedAt: v.nullable(v.number()),
  ratePerSecond: v.nullable(v.number()),
  secondsLeft: v.nullable(v.number()),
  error: v.nullable(v.string()),
});

const distributionBarsSchema = v.array(v.object({ value: v.string(), count: v.number() }));

/** GET /console/chatbots/:chatbotId/data-quality. */
export const dataQualitySchema = v.object({
  lastScan: v.nullable(v.object({ scannedAt: v.number(), recordCount: v.number() })),
  checks: v.array(
    v.object({
      check: v.string(),
      title: v.string(),
      explanation: v.string(),
      fixes: v.boolean(),
      findings: v.number(),
      records: v.number(),
    }),
  ),
  distributions: v.nullable(
    v.object({
      industry: distributionBarsSchema,
      country: distributionBarsSchema,
      size: distributionBarsSchema,
    }),
  ),
  scan: v.nullable(scanJobSchema),
  mayScan: v.boolean(),
});

/** POST …/data-quality/scans and …/scans/:id/cancel. */
export const scanResponseSchema = v.object({ scan: v.nullable(scanJobSchema) });

/** GET …/data-quality/findings?check=. */
export const findingPageSchema = v.object({
  findings: v.array(
    v.object({
      recordId: v.string(),
      key: v.string(),
      detail: v.object({
        name: v.optional(v.string()),
        field: v.optional(v.string()),
        value: v.optional(v.json()),
        fix: v.optional(v.json()),
        reason: v.optional(v.string()),
        groupSize: v.optional(v.number()),
      }),
    }),
  ),
  nextCursor: v.nullable(v.string()),
});
