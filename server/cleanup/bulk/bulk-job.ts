// The work of a bulk job (kind `bulkEdit`) and of its undo (kind `bulkUndo`) on the job runner
// (server/store/jobs/job-runner.ts), one organization per item. An item reads the record, decides
// its change (bulk-actions.ts), keeps a copy of the record and of the change on the item
// (`saveItemCopy`) before it writes, then writes through the console's own /v1 steps
// (console-writer.ts: role, findings, audit trail named after the job's creator). An item taken
// over after a crash finds that copy and sends the same change again, or records it done when
// the record already holds it: no record is changed twice. Writes are paced (BULK_RATE_PER_SECOND)
// and a 429 is waited out for as long as its `Retry-After` says.
import type { ApiHandler } from '../../api-key.ts';
import type { AuditRecorder } from '../../audit/audit-recorder.ts';
import type { Actor } from '../../pipeline/console-env.ts';
import type { FindingStore, ItemResult, JobItem, JsonObject } from '../../store/index.ts';
import type { JobContext, JobWork } from '../../store/jobs/job-runner.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import {
  changeFor,
  holds,
  patchFor,
  recreateBody,
  valuesAt,
  type BulkAction,
  type FieldValues,
} from './bulk-actions.ts';
import { readBulkParams } from './bulk-params.ts';
import { createConsoleWriter, type ApiAnswer, type ConsoleWriter } from './console-writer.ts';
import { storedFixes } from './stored-fixes.ts';
import {
  Aborted,
  createPacer,
  isSlowDown,
  MAX_SLOW_DOWNS,
  pause,
  slowDownMs,
  type Pacer,
} from './throttle.ts';

export const BULK_EDIT_KIND = 'bulkEdit';
export const BULK_UNDO_KIND = 'bulkUndo';
export const BULK_JOB_KINDS = [BULK_EDIT_KIND, BULK_UNDO_KIND] as const;

/** What an item keeps in `after`: the change it sends, so a retry sends the same. */
export type ItemPlan =
  | { op: 'update'; fields: FieldValues }
  | { op: 'delete' }
  /** An undo: give back `fields`, only while the record still holds `expect` (what the job wrote). */
  | { op: 'restore'; fields: FieldValues; expect: FieldValues }
  /** An undo of a delete: create the record again from its copy. */
  | { op: 'recreate'; record: JsonObject };

export interface BulkWorkOptions {
  api: ApiHandler;
  findings: FindingStore;
  recorder: AuditRecorder | undefined;
  log: (line: string) => void;
  /** Writes a second across all bulk jobs of this process (BULK_RATE_PER_SECOND). */
  ratePerSecond: number;
}

class ItemOutcome extends Error {
  constructor(readonly result: ItemResult) {
    super(result.error ?? result.status);
  }
}

function organizationOf(answer: ApiAnswer): OrganizationDto | null {
  const organization = answer.body.organization;
  return typeof organization === 'object' && organization !== null
    ? (organization as OrganizationDto)
    : null;
}

function apiError(answer: ApiAnswer): string {
  const error = typeof answer.body.error === 'string' ? answer.body.error : '';
  return `The API answered ${answer.status}${error === '' ? '' : `: ${error}`}`;
}

function planOf(item: JobItem): ItemPlan | null {
  const after = item.after;
  if (after === null || typeof after.op !== 'string') return null;
  return after as unknown as ItemPlan;
}

export function bulkJobWork(options: BulkWorkOptions): Record<string, JobWork> {
  const pacer = createPacer(options.ratePerSecond);
  const writers = new Map<string, ConsoleWriter>();

  function writerFor(jobId: string, actor: Actor): ConsoleWriter {
    let writer = writers.get(jobId);
    if (writer === undefined) {
      if (writers.size > 20) writers.clear();
      writer = createConsoleWriter({
        api: options.api,
        findings: options.findings,
        recorder: options.recorder,
        log: options.log,
        actor,
        jobId,
      });
      writers.set(jobId, writer);
    }
    return writer;
  }

  async function item(item: JobItem, context: JobContext): Promise<ItemResult> {
    const { job, signal } = context;
    const params = readBulkParams(job.params);
    if (params === null) return { status: 'failed', error: 'The job’s parameters are unreadable.' };
    const writer = writerFor(job.id, params.actor);
    const call: Call = (send, write) => withSlowDowns(send, write ? pacer : null, signal);
    try {
      if (job.kind === BULK_UNDO_KIND) return await undoItem(item, context, writer, call);
      return await editItem(item, context, writer, call, params.action, options.findings);
    } catch (error) {
      if (error instanceof ItemOutcome) return error.result;
      if (error instanceof Aborted || signal.aborted) throw error;
      return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  return { [BULK_EDIT_KIND]: { item }, [BULK_UNDO_KIND]: { item } };
}

/** Sends one request; a write (`write`) waits for its turn at the pace first. */
type Call = (send: () => Promise<ApiAnswer>, write: boolean) => Promise<ApiAnswer>;

/**
 * Sends a request, writes at the pacer's rate; a "slow down" answer holds every write back for its
 * `Retry-After` and the request is sent again. Requests are not given the job's signal: each would
 * add a listener to it that lives as long as the job. A stop is seen between requests.
 */
async function withSlowDowns(
  send: () => Promise<ApiAnswer>,
  pacer: Pacer | null,
  signal: AbortSignal,
): Promise<ApiAnswer> {
  for (let slowDowns = 0; ; slowDowns += 1) {
    if (signal.aborted) throw new Aborted('stopped');
    if (pacer !== null) await pacer.next(signal);
    const answer = await send();
    if (!isSlowDown(answer.status, answer.retryAfterSeconds)) return answer;
    if (slowDowns >= MAX_SLOW_DOWNS) {
      throw new ItemOutcome({
        status: 'failed',
        error: `The API kept asking to slow down (${answer.status}, ${MAX_SLOW_DOWNS} times).`,
      });
    }
    const wait = slowDownMs(answer.retryAfterSeconds);
    pacer?.holdFor(wait);
    await pause(wait, signal);
  }
}

async function read(
  writer: ConsoleWriter,
  call: Call,
  chatbotId: string,
  id: string,
): Promise<OrganizationDto | null> {
  const answer = await call(() => writer.get(chatbotId, id), false);
  if (answer.status === 404) return null;
  const organization = organizationOf(answer);
  if (answer.status !== 200 || organization === null) {
    throw new ItemOutcome({ status: 'failed', error: apiError(answer) });
  }
  return organization;
}

async function keepCopy(
  context: JobContext,
  item: JobItem,
  before: JsonObject | null,
  plan: ItemPlan,
): Promise<void> {
  const saved = await context.saveItemCopy(item.seq, {
    before,
    after: plan as unknown as JsonObject,
  });
  if (!saved) throw new Aborted('lease lost');
}

async function send(
  writer: ConsoleWriter,
  call: Call,
  chatbotId: string,
  record: OrganizationDto,
  fields: FieldValues,
): Promise<ItemResult> {
  const patch = patchFor(record, fields);
  if (typeof patch === 'string') return { status: 'skipped', error: patch };
  const answer = await call(
    () => writer.update(chatbotId, record.id, patch as unknown as JsonObject),
    true,
  );
  if (answer.status === 200) return { status: 'done' };
  return { status: 'failed', error: apiError(answer) };
}

async function editItem(
  item: JobItem,
  context: JobContext,
  writer: ConsoleWriter,
  call: Call,
  action: BulkAction,
  findings: FindingStore,
): Promise<ItemResult> {
  const { job } = context;
  const chatbotId = job.chatbotId;
  const earlier = planOf(item);
  const record = await read(writer, call, chatbotId, item.recordId);
  if (record === null) {
    // Deleted by this item before a crash (its copy was kept), or by someone else.
    if (earlier?.op === 'delete') return { status: 'done' };
    return { status: 'skipped', error: 'The organization no longer exists.' };
  }
  let plan = earlier;
  if (plan === null) {
    const fixes =
      action.kind === 'applyFix'
        ? await storedFixes(findings, chatbotId, record.id, action.check)
        : {};
    const change = changeFor(action, record, fixes);
    if (change.kind === 'skip') return { status: 'skipped', error: change.reason };
    plan = change.kind === 'delete' ? { op: 'delete' } : { op: 'update', fields: change.fields };
    await keepCopy(context, item, record as unknown as JsonObject, plan);
  } else if (plan.op === 'update' && holds(record, plan.fields)) {
    return { status: 'done' }; // written before a crash, recorded now
  }
  if (plan.op === 'delete') {
    const answer = await call(() => writer.remove(chatbotId, record.id), true);
    if (answer.status === 200 || answer.status === 204 || answer.status === 404) {
      return { status: 'done' };
    }
    return { status: 'failed', error: apiError(answer) };
  }
  if (plan.op !== 'update') return { status: 'failed', error: 'The item’s change is unknown.' };
  return send(writer, call, chatbotId, record, plan.fields);
}

async function undoItem(
  item: JobItem,
  context: JobContext,
  writer: ConsoleWriter,
  call: Call,
): Promise<ItemResult> {
  const { job } = context;
  const chatbotId = job.chatbotId;
  const plan = planOf(item);
  if (plan === null) return { status: 'failed', error: 'The item’s change is unknown.' };
  if (plan.op === 'recreate') {
    if (item.before !== null) {
      // A create may have reached the API before a crash; a second one would make a duplicate.
      return {
        status: 'failed',
        error: `Not created again after a restart: look for “${String(plan.record.name)}” before creating it by hand.`,
      };
    }
    await keepCopy(context, item, { creating: true }, plan);
    const answer = await call(() => writer.create(chatbotId, recreateBody(plan.record)), true);
    const created = organizationOf(answer);
    if (answer.status !== 201 && answer.status !== 200) {
      return { status: 'failed', error: apiError(answer) };
    }
    const variables = plan.record.variables;
    if (created !== null && typeof variables === 'object' && variables !== null) {
      const entries = Object.entries(variables);
      if (entries.length > 0) {
        await call(
          () => writer.update(chatbotId, created.id, { variables: Object.fromEntries(entries) }),
          true,
        );
      }
    }
    return {
      status: 'done',
      error: created === null ? null : `Created again as ${created.id} (the API gives a new id).`,
    };
  }
  if (plan.op !== 'restore') return { status: 'failed', error: 'The item’s change is unknown.' };
  const record = await read(writer, call, chatbotId, item.recordId);
  if (record === null) {
    return { status: 'skipped', error: 'The organization was deleted since the job changed it.' };
  }
  if (item.before !== null && holds(record, plan.fields)) return { status: 'done' };
  if (!holds(record, plan.expect)) {
    const now = valuesAt(record, Object.keys(plan.expect));
    const changed = Object.keys(plan.expect).filter(
      (path) => JSON.stringify(now[path]) !== JSON.stringify(plan.expect[path]),
    );
    return {
      status: 'skipped',
      error: `Changed since the job wrote it (${changed.join(', ')}): left as it is.`,
    };
  }
  await keepCopy(context, item, record as unknown as JsonObject, plan);
  return send(writer, call, chatbotId, record, plan.fields);
}

/** The undo's items of a finished job's done items, in the same order. */
export function undoPlans(items: readonly JobItem[]): { recordId: string; after: JsonObject }[] {
  const plans: { recordId: string; after: JsonObject }[] = [];
  for (const item of items) {
    const plan = planOf(item);
    if (item.status !== 'done' || plan === null || item.before === null) continue;
    const copy = item.before as unknown as OrganizationDto;
    if (plan.op === 'update') {
      const restore: ItemPlan = {
        op: 'restore',
        fields: valuesAt(copy, Object.keys(plan.fields)),
        expect: plan.fields,
      };
      plans.push({ recordId: item.recordId, after: restore as unknown as JsonObject });
    } else if (plan.op === 'delete') {
      const recreate: ItemPlan = { op: 'recreate', record: item.before };
      plans.push({ recordId: item.recordId, after: recreate as unknown as JsonObject });
    }
  }
  return plans;
}
