// The bulk-action routes under /console/chatbots/:chatbotId/bulk, behind the session step (and
// the app-wide Host allowlist and same-origin rule for writes):
//   POST …/bulk/preview             {action, target, offset?, limit?}: count and a page of
//                                   before → after; nothing written               (viewer)
//   POST …/bulk/jobs                {action, target}: start a bulk job      (agent; delete: admin)
//   GET  …/bulk/jobs                the chatbot's recent bulk jobs and undos         (viewer)
//   GET  …/bulk/jobs/:jobId         one job's progress                               (viewer)
//   GET  …/bulk/jobs/:jobId/items   its results per record (?status=failed,skipped&afterSeq=)
//   POST …/bulk/jobs/:jobId/cancel  stop it; what is done stays done, and can be undone (agent)
//   POST …/bulk/jobs/:jobId/undo    undo a finished or cancelled job: itself a job
//                                   (agent; a delete's undo creates again: admin)
// The role is checked here when a job is asked for and again by every write the job makes
// (console-writer.ts); starting, cancelling and undoing are written to the audit trail.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ApiHandler } from '../../api-key.ts';
import { refusalMessage, roleAllows, OPERATION_ROLES } from '../../api/roles.ts';
import { auditActor, type AuditRecorder } from '../../audit/audit-recorder.ts';
import type { OperationName } from '../../api/operations.ts';
import type { ConsoleEnv } from '../../pipeline/console-env.ts';
import type { ConsoleStore, Job, JobItem, JobItemStatus } from '../../store/index.ts';
import { JOB_ITEM_STATUSES, StoreInputError } from '../../store/index.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import {
  actionOperation,
  describeAction,
  fieldValue,
  parseAction,
  type BulkAction,
} from './bulk-actions.ts';
import {
  BULK_EDIT_KIND,
  BULK_JOB_KINDS,
  BULK_UNDO_KIND,
  undoPlans,
  type ItemPlan,
} from './bulk-job.ts';
import { readBulkParams, summariseTarget, writeBulkParams } from './bulk-params.ts';
import { MAX_PREVIEW_PAGE, previewPage } from './bulk-preview.ts';
import { parseTarget, resolveTarget, TooManyRecords } from './bulk-targets.ts';
import { createConsoleWriter } from './console-writer.ts';
import { bulkJobView } from './bulk-job-view.ts';

export interface BulkRouteDeps {
  api: ApiHandler;
  store: ConsoleStore;
  recorder: AuditRecorder | undefined;
  now: () => number;
  log: (line: string) => void;
  wakeRunner?: () => void;
}

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CHATBOT_ID = /^[^\u0000-\u001f\u007f/]{1,200}$/;
const ITEM_PAGE = 100;

function chatbotOf(c: Context<ConsoleEnv>): string | undefined {
  const id = c.req.param('chatbotId');
  return id !== undefined && CHATBOT_ID.test(id) ? id : undefined;
}

function actorOf(c: Context<ConsoleEnv>) {
  const actor = c.get('actor');
  if (actor === undefined) throw new Error('bulk routes run after the session step');
  return actor;
}

/** null when allowed, else the 403 answer naming the role needed. */
function refusal(c: Context<ConsoleEnv>, operation: OperationName) {
  const actor = actorOf(c);
  if (actor.kind === 'local' || roleAllows(actor.role, operation)) return null;
  return c.json(
    {
      error: refusalMessage(actor.role, operation),
      role: actor.role,
      requiredRole: OPERATION_ROLES[operation],
    },
    403,
  );
}

async function jsonBody(c: Context<ConsoleEnv>): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await c.req.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function undoOperation(action: BulkAction): OperationName {
  return action.kind === 'delete' ? 'create' : 'update';
}

export function mountBulkRoutes(
  app: Hono<ConsoleEnv>,
  deps: BulkRouteDeps,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  const { store } = deps;
  const base = '/console/chatbots/:chatbotId/bulk';

  async function request(c: Context<ConsoleEnv>) {
    const body = await jsonBody(c);
    if (body === null) return { error: 'Send a JSON object with an action and a target.' } as const;
    const action = parseAction(body.action);
    if (typeof action === 'string') return { error: action } as const;
    const target = parseTarget(body.target);
    if (typeof target === 'string') return { error: target } as const;
    return { body, action, target } as const;
  }

  async function audit(
    c: Context<ConsoleEnv>,
    operation: string,
    chatbotId: string,
    jobId: string,
    status: number,
  ) {
    await deps.recorder?.record({
      ...auditActor(c.get('actor')),
      operation,
      chatbotId,
      organizationId: null,
      organizationName: null,
      before: null,
      after: null,
      status,
      error: null,
      requestId: c.get('requestId'),
      jobId,
    });
  }

  async function undoOf(job: Job): Promise<Job | null> {
    const undos = await store.jobs.list({
      chatbotId: job.chatbotId,
      kinds: [BULK_UNDO_KIND],
      limit: 200,
    });
    return undos.find((undo) => readBulkParams(undo.params)?.undoOf === job.id) ?? null;
  }

  async function view(job: Job) {
    const undo = job.kind === BULK_EDIT_KIND ? await undoOf(job) : null;
    return bulkJobView(job, undo, deps.now());
  }

  async function jobOf(c: Context<ConsoleEnv>, chatbotId: string): Promise<Job | null> {
    const job = await store.jobs.get(c.req.param('jobId') ?? '');
    if (job === null || job.chatbotId !== chatbotId) return null;
    return (BULK_JOB_KINDS as readonly string[]).includes(job.kind) ? job : null;
  }

  app.post(`${base}/preview`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const asked = await request(c);
    if ('error' in asked) return c.json({ error: asked.error }, 400);
    const offset = Number(asked.body.offset ?? 0);
    const limit = Number(asked.body.limit ?? 20);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      return c.json({ error: 'offset must be a whole number ≥ 0.' }, 400);
    }
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PREVIEW_PAGE) {
      return c.json({ error: `limit must be a whole number from 1 to ${MAX_PREVIEW_PAGE}.` }, 400);
    }
    try {
      const ids = await resolveTarget(
        asked.target,
        deps.api,
        store.findings,
        chatbotId,
        c.req.raw.signal,
      );
      const reader = createConsoleWriter({
        api: deps.api,
        findings: store.findings,
        recorder: undefined,
        log: deps.log,
        actor: actorOf(c),
        jobId: 'preview',
      });
      const page = await previewPage({
        ids,
        offset,
        limit,
        action: asked.action,
        reader,
        findings: store.findings,
        chatbotId,
        signal: c.req.raw.signal,
      });
      return c.json({
        action: describeAction(asked.action),
        requiredRole: OPERATION_ROLES[actionOperation(asked.action)],
        mayRun: refusal(c, actionOperation(asked.action)) === null,
        ...page,
      });
    } catch (error) {
      if (error instanceof TooManyRecords) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.post(`${base}/jobs`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const asked = await request(c);
    if ('error' in asked) return c.json({ error: asked.error }, 400);
    const refused = refusal(c, actionOperation(asked.action));
    if (refused !== null) return refused;
    let ids: string[];
    try {
      ids = await resolveTarget(
        asked.target,
        deps.api,
        store.findings,
        chatbotId,
        c.req.raw.signal,
      );
    } catch (error) {
      if (error instanceof TooManyRecords) return c.json({ error: error.message }, 400);
      throw error;
    }
    if (ids.length === 0) return c.json({ error: 'No organization matches: nothing to do.' }, 400);
    const actor = actorOf(c);
    const job = await store.jobs.create({
      kind: BULK_EDIT_KIND,
      chatbotId,
      params: writeBulkParams({
        action: asked.action,
        target: summariseTarget(asked.target),
        actor,
        undoOf: null,
      }),
      createdBy: actor.kind === 'person' ? actor.subject : null,
      items: ids.map((recordId) => ({ recordId })),
    });
    await audit(c, 'startBulkJob', chatbotId, job.id, 202);
    deps.wakeRunner?.();
    return c.json({ job: await view(job) }, 202);
  });

  app.get(`${base}/jobs`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const jobs = await store.jobs.list({ chatbotId, kinds: [...BULK_JOB_KINDS], limit: 20 });
    return c.json({ jobs: await Promise.all(jobs.map(view)) });
  });

  app.get(`${base}/jobs/:jobId`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const job = await jobOf(c, chatbotId);
    if (job === null) return c.json({ error: 'No such bulk job of this chatbot.' }, 404);
    return c.json({ job: await view(job) });
  });

  app.get(`${base}/jobs/:jobId/items`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const job = await jobOf(c, chatbotId);
    if (job === null) return c.json({ error: 'No such bulk job of this chatbot.' }, 404);
    const statusText = c.req.query('status');
    const statuses =
      statusText === undefined || statusText === ''
        ? undefined
        : (statusText.split(',') as JobItemStatus[]);
    if (statuses?.some((status) => !(JOB_ITEM_STATUSES as readonly string[]).includes(status))) {
      return c.json({ error: `status must be among: ${JOB_ITEM_STATUSES.join(', ')}.` }, 400);
    }
    try {
      const items = await store.jobs.items(job.id, {
        afterSeq: Number(c.req.query('afterSeq') ?? 0),
        ...(statuses === undefined ? {} : { statuses }),
        limit: ITEM_PAGE,
      });
      const last = items.at(-1);
      return c.json({
        items: items.map(itemView),
        nextAfterSeq: items.length === ITEM_PAGE && last !== undefined ? last.seq : null,
      });
    } catch (error) {
      if (error instanceof StoreInputError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.post(`${base}/jobs/:jobId/cancel`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const refused = refusal(c, 'update');
    if (refused !== null) return refused;
    const job = await jobOf(c, chatbotId);
    if (job === null) return c.json({ error: 'No such bulk job of this chatbot.' }, 404);
    if (!(await store.jobs.cancel(job.id))) {
      return c.json({ error: `The job is ${job.state} and cannot be cancelled.` }, 409);
    }
    await audit(c, 'cancelBulkJob', chatbotId, job.id, 200);
    const after = await store.jobs.get(job.id);
    return c.json({ job: after === null ? null : await view(after) });
  });

  app.post(`${base}/jobs/:jobId/undo`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const job = await jobOf(c, chatbotId);
    const params = job === null ? null : readBulkParams(job.params);
    if (job === null || params === null || job.kind !== BULK_EDIT_KIND) {
      return c.json({ error: 'No such bulk job of this chatbot.' }, 404);
    }
    const refused = refusal(c, undoOperation(params.action));
    if (refused !== null) return refused;
    if (job.state !== 'done' && job.state !== 'cancelled') {
      return c.json(
        { error: `The job is ${job.state}: undo it once it has finished or been cancelled.` },
        409,
      );
    }
    const existing = await undoOf(job);
    if (existing !== null) {
      return c.json({ error: 'This job has been undone already.', job: await view(existing) }, 409);
    }
    const plans: { recordId: string; after: ItemPlan }[] = [];
    for (let afterSeq = 0; ;) {
      const page: JobItem[] = await store.jobs.items(job.id, {
        afterSeq,
        statuses: ['done'],
        limit: 1_000,
      });
      plans.push(...(undoPlans(page) as { recordId: string; after: ItemPlan }[]));
      const last = page.at(-1);
      if (page.length < 1_000 || last === undefined) break;
      afterSeq = last.seq;
    }
    if (plans.length === 0)
      return c.json({ error: 'The job changed no record: nothing to undo.' }, 409);
    const actor = actorOf(c);
    const undo = await store.jobs.create({
      kind: BULK_UNDO_KIND,
      chatbotId,
      params: writeBulkParams({ ...params, actor, undoOf: job.id }),
      createdBy: actor.kind === 'person' ? actor.subject : null,
      items: plans.map(({ recordId, after }) => ({
        recordId,
        after: after as unknown as Record<string, never>,
      })),
    });
    await audit(c, 'undoBulkJob', chatbotId, undo.id, 202);
    deps.wakeRunner?.();
    return c.json({ job: await view(undo) }, 202);
  });
}

function itemView(item: JobItem) {
  const plan = item.after as ItemPlan | null;
  const fields =
    plan !== null && (plan.op === 'update' || plan.op === 'restore')
      ? Object.entries(plan.fields).map(([field, after]) => ({
          field,
          before:
            item.before === null
              ? null
              : fieldValue(item.before as unknown as OrganizationDto, field),
          after,
        }))
      : [];
  const name =
    item.before !== null && typeof item.before.name === 'string' ? item.before.name : null;
  return {
    seq: item.seq,
    recordId: item.recordId,
    name,
    status: item.status,
    note: item.error,
    change: plan?.op ?? null,
    fields,
  };
}
