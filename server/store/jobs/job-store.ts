import { randomUUID } from 'node:crypto';
import { StoreInputError } from '../errors.ts';
import {
  oneOf,
  optionalId,
  optionalIdList,
  optionalText,
  pageLimit,
  requiredId,
  wholeNumber,
} from '../input.ts';
import {
  encodeJson,
  encodeOptionalJson,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from '../json.ts';
import { read, type Row } from '../rows.ts';

export const JOB_STATES = ['queued', 'running', 'paused', 'cancelled', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const JOB_ITEM_STATUSES = ['pending', 'done', 'failed', 'skipped'] as const;
export type JobItemStatus = (typeof JOB_ITEM_STATUSES)[number];

export interface JobProgress {
  /** Items (or records, for a scan) to do; null while unknown. */
  total: number | null;
  done: number;
  failed: number;
  skipped: number;
}

/** A bulk job or a scan: long work that survives restarts and runs on one replica at a time. */
export interface Job {
  id: string;
  /** What to do, e.g. `scan`, `bulkUpdate`, `undo`: the workers' business, not the store's. */
  kind: string;
  chatbotId: string;
  params: JsonValue;
  /** The subject of the user who started it; null in local mode. */
  createdBy: string | null;
  state: JobState;
  progress: JobProgress;
  /** Where the worker got to, for work without items (a scan's page token); null before. */
  checkpoint: JsonValue | null;
  /** Why it failed. */
  error: string | null;
  /** Which worker holds it (for people to read); null when nobody does. */
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  /** How many times a worker took it: more than 1 means it was resumed. */
  claims: number;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface NewJobItem {
  /** The organization the item acts on. */
  recordId: string;
  /** A copy of the record before the change (for undo), when known at creation. */
  before?: JsonObject | null;
  /** What to send: items are idempotent, so a retried update sends the same `after`. */
  after?: JsonObject | null;
}

export interface NewJob {
  kind: string;
  chatbotId: string;
  params: JsonValue;
  createdBy: string | null;
  /** Items to work through in this order (seq 1, 2, …); more can follow with `appendItems`. */
  items?: readonly NewJobItem[];
  /** For a job without items: how much there is to do, when known. */
  total?: number | null;
  /** Created paused: no worker takes it until `resume`. */
  paused?: boolean;
}

export interface JobItem {
  jobId: string;
  seq: number;
  recordId: string;
  before: JsonObject | null;
  after: JsonObject | null;
  status: JobItemStatus;
  error: string | null;
  /** How many times a worker began it: more than 1 means it may have been sent before. */
  attempts: number;
  updatedAt: number;
}

/**
 * Proof of holding a job, from `claim`. Every worker-side call takes it and does nothing (returns
 * false or null) once the lease is lost: expired, taken over, or the job paused or cancelled.
 */
export interface JobLease {
  jobId: string;
  owner: string;
  /** Unique per claim, so a worker that lost the job cannot act on a later claim of it. */
  token: string;
  expiresAt: number;
}

export interface ClaimedJob {
  job: Job;
  lease: JobLease;
}

export interface ClaimOptions {
  /** Who takes it, e.g. the replica's host name and process id (shown to people). */
  owner: string;
  leaseMs: number;
  /** Only jobs of these kinds; default any. */
  kinds?: readonly string[];
}

export interface ItemResult {
  status: Exclude<JobItemStatus, 'pending'>;
  error?: string | null;
  /** Replaces the stored copy (e.g. the record as read just before the change). */
  before?: JsonObject | null;
  after?: JsonObject | null;
}

export interface JobCheckpoint {
  checkpoint?: JsonValue | null;
  total?: number | null;
  /** Counters of a job without items (set, not added to). */
  done?: number;
  failed?: number;
  skipped?: number;
}

export interface JobItemQuery {
  /** Items after this seq (the last one seen); default from the first. */
  afterSeq?: number;
  statuses?: readonly JobItemStatus[];
  /** 1–1000; default 100. */
  limit?: number;
}

export interface JobListQuery {
  chatbotId: string;
  kinds?: readonly string[];
  states?: readonly JobState[];
  /** 1–200; default 50. */
  limit?: number;
}

export interface JobStore {
  create(job: NewJob): Promise<Job>;
  get(id: string): Promise<Job | null>;
  /** Newest first. */
  list(query: JobListQuery): Promise<Job[]>;
  /**
   * Takes the oldest runnable job (queued, or running with an expired lease) atomically: two
   * workers, in one process or on two replicas, never get the same job while its lease runs.
   */
  claim(options: ClaimOptions): Promise<ClaimedJob | null>;
  /** Extends the lease; null when it was lost (then stop working on the job). */
  renew(lease: JobLease, leaseMs: number): Promise<JobLease | null>;
  /** Gives the job back (shutdown): queued again, for any worker to resume. */
  release(lease: JobLease): Promise<boolean>;
  finish(
    lease: JobLease,
    outcome: { state: 'done' } | { state: 'failed'; error: string },
  ): Promise<boolean>;
  /** Saves where the worker got to and its counters, for work without items. */
  checkpoint(lease: JobLease, progress: JobCheckpoint): Promise<boolean>;
  appendItems(lease: JobLease, items: readonly NewJobItem[]): Promise<boolean>;
  /** Counts an attempt before the item's request is sent (see `JobItem.attempts`). */
  beginItem(lease: JobLease, seq: number): Promise<boolean>;
  /**
   * Keeps a copy on a begun, still pending item before its write is sent (a bulk job: the record
   * as read, and what it is about to send), so a worker taking over after a crash knows both.
   */
  saveItemCopy(
    lease: JobLease,
    seq: number,
    copy: { before: JsonObject | null; after: JsonObject | null },
  ): Promise<boolean>;
  /** Records one item's result and the job's counters in one transaction. */
  recordItem(lease: JobLease, seq: number, result: ItemResult): Promise<boolean>;
  /** Items in seq order, e.g. the next pending ones after the last seq handled. */
  items(jobId: string, query?: JobItemQuery): Promise<JobItem[]>;
  itemCounts(jobId: string): Promise<Record<JobItemStatus, number>>;
  /** Queued or running → paused (the worker loses its lease). */
  pause(id: string): Promise<boolean>;
  /** Paused → queued. */
  resume(id: string): Promise<boolean>;
  /** Queued, running or paused → cancelled (the worker loses its lease). */
  cancel(id: string): Promise<boolean>;
  /** Deletes done, failed and cancelled jobs (with their items) finished over `days` days ago. */
  purgeFinishedOlderThan(days: number): Promise<number>;
}

const DAY_MS = 86_400_000;
export const MAX_LEASE_MS = 3_600_000;

export interface JobRow {
  id: string;
  kind: string;
  chatbotId: string;
  params: string;
  createdBy: string | null;
  state: 'queued' | 'paused';
  total: number | null;
  createdAt: number;
}

export interface JobItemRow {
  recordId: string;
  before: string | null;
  after: string | null;
}

function optionalObject(name: string, value: JsonObject | null | undefined): string | null {
  if (value !== null && value !== undefined && !isJsonObject(value)) {
    throw new StoreInputError(`${name} must be an object or null.`);
  }
  return encodeOptionalJson(value);
}

export function prepareJobItems(items: readonly NewJobItem[]): JobItemRow[] {
  if (!Array.isArray(items)) throw new StoreInputError('items must be a list.');
  return items.map((item) => ({
    recordId: requiredId('recordId', item.recordId),
    before: optionalObject('before', item.before),
    after: optionalObject('after', item.after),
  }));
}

export function prepareJob(job: NewJob, now: number): { row: JobRow; items: JobItemRow[] } {
  const items = prepareJobItems(job.items ?? []);
  return {
    row: {
      id: randomUUID(),
      kind: requiredId('kind', job.kind, 100),
      chatbotId: requiredId('chatbotId', job.chatbotId),
      params: encodeJson(job.params),
      createdBy: optionalId('createdBy', job.createdBy),
      state: job.paused ? 'paused' : 'queued',
      total:
        job.items !== undefined
          ? items.length
          : job.total === null || job.total === undefined
            ? null
            : wholeNumber('total', job.total, 0, 2 ** 31 - 1),
      createdAt: now,
    },
    items,
  };
}

export function leaseMs(value: number): number {
  return wholeNumber('leaseMs', value, 1, MAX_LEASE_MS);
}

export function claimOwner(options: ClaimOptions): string {
  return requiredId('owner', options.owner, 200);
}

export function newLeaseToken(): string {
  return randomUUID();
}

export function jobKinds(kinds: readonly string[] | undefined): string[] | null {
  return optionalIdList('kinds', kinds);
}

export function itemSeq(seq: number): number {
  return wholeNumber('seq', seq, 1, 2 ** 31 - 1);
}

export function prepareItemCopy(copy: { before: JsonObject | null; after: JsonObject | null }): {
  before: string | null;
  after: string | null;
} {
  return {
    before: optionalObject('before', copy.before),
    after: optionalObject('after', copy.after),
  };
}

export interface ItemResultRow {
  status: ItemResult['status'];
  error: string | null;
  setBefore: boolean;
  before: string | null;
  setAfter: boolean;
  after: string | null;
}

export function prepareItemResult(result: ItemResult): ItemResultRow {
  return {
    status: oneOf('status', result.status, ['done', 'failed', 'skipped'] as const),
    error: optionalText('error', result.error, 10_000),
    setBefore: result.before !== undefined,
    before: optionalObject('before', result.before),
    setAfter: result.after !== undefined,
    after: optionalObject('after', result.after),
  };
}

export interface CheckpointRow {
  setCheckpoint: boolean;
  checkpoint: string | null;
  setTotal: boolean;
  total: number | null;
  done: number | null;
  failed: number | null;
  skipped: number | null;
}

export function prepareCheckpoint(progress: JobCheckpoint): CheckpointRow {
  const count = (name: string, value: number | undefined) =>
    value === undefined ? null : wholeNumber(name, value, 0, 2 ** 31 - 1);
  return {
    setCheckpoint: progress.checkpoint !== undefined,
    checkpoint: encodeOptionalJson(progress.checkpoint),
    setTotal: progress.total !== undefined,
    total:
      progress.total === null || progress.total === undefined
        ? null
        : count('total', progress.total),
    done: count('done', progress.done),
    failed: count('failed', progress.failed),
    skipped: count('skipped', progress.skipped),
  };
}

export function finishOutcome(outcome: { state: 'done' } | { state: 'failed'; error: string }): {
  state: 'done' | 'failed';
  error: string | null;
} {
  const state = oneOf('state', outcome.state, ['done', 'failed'] as const);
  return {
    state,
    error:
      state === 'failed'
        ? optionalText('error', (outcome as { error?: string }).error, 10_000)
        : null,
  };
}

export function jobStates(states: readonly JobState[] | undefined): JobState[] | null {
  if (states === undefined) return null;
  const list = optionalIdList('states', states) as string[];
  return list.map((state) => oneOf('states', state, JOB_STATES));
}

export function itemStatuses(
  statuses: readonly JobItemStatus[] | undefined,
): JobItemStatus[] | null {
  if (statuses === undefined) return null;
  const list = optionalIdList('statuses', statuses) as string[];
  return list.map((status) => oneOf('statuses', status, JOB_ITEM_STATUSES));
}

export function itemQuery(query: JobItemQuery): {
  afterSeq: number;
  statuses: JobItemStatus[] | null;
  limit: number;
} {
  return {
    afterSeq:
      query.afterSeq === undefined ? 0 : wholeNumber('afterSeq', query.afterSeq, 0, 2 ** 31 - 1),
    statuses: itemStatuses(query.statuses),
    limit: pageLimit(query.limit, 100, 1_000),
  };
}

export function listLimit(limit: number | undefined): number {
  return pageLimit(limit, 50, 200);
}

export function purgeCutoff(days: number, now: number): number {
  return now - wholeNumber('days', days, 1, 100_000) * DAY_MS;
}

export function jobFromRow(row: Row): Job {
  const r = read(row, 'jobs');
  return {
    id: r.text('id'),
    kind: r.text('kind'),
    chatbotId: r.text('chatbot_id'),
    params: r.json('params'),
    createdBy: r.optionalText('created_by'),
    state: r.oneOf('state', JOB_STATES),
    progress: {
      total: r.optionalInteger('total'),
      done: r.integer('done_count'),
      failed: r.integer('failed_count'),
      skipped: r.integer('skipped_count'),
    },
    checkpoint: r.optionalJson('checkpoint'),
    error: r.optionalText('error'),
    leaseOwner: r.optionalText('lease_owner'),
    leaseExpiresAt: r.optionalInteger('lease_expires_at'),
    claims: r.integer('claims'),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
    startedAt: r.optionalInteger('started_at'),
    finishedAt: r.optionalInteger('finished_at'),
  };
}

export function jobItemFromRow(row: Row): JobItem {
  const r = read(row, 'job_items');
  return {
    jobId: r.text('job_id'),
    seq: r.integer('seq'),
    recordId: r.text('record_id'),
    before: r.optionalJsonObject('before'),
    after: r.optionalJsonObject('after'),
    status: r.oneOf('status', JOB_ITEM_STATUSES),
    error: r.optionalText('error'),
    attempts: r.integer('attempts'),
    updatedAt: r.integer('updated_at'),
  };
}

export function itemCountsFromRows(rows: Row[]): Record<JobItemStatus, number> {
  const counts: Record<JobItemStatus, number> = { pending: 0, done: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    const r = read(row, 'job_items');
    counts[r.oneOf('status', JOB_ITEM_STATUSES)] = r.integer('count');
  }
  return counts;
}

/** The counters one recorded item adds to its job. */
export function counterColumn(
  status: ItemResult['status'],
): 'done_count' | 'failed_count' | 'skipped_count' {
  return status === 'done' ? 'done_count' : status === 'failed' ? 'failed_count' : 'skipped_count';
}

export function leaseOf(job: Job, token: string): JobLease {
  return { jobId: job.id, owner: job.leaseOwner ?? '', token, expiresAt: job.leaseExpiresAt ?? 0 };
}

/** The job id and token of a lease handed back by a worker. */
export function leaseKey(lease: JobLease): { jobId: string; token: string } {
  if (typeof lease !== 'object' || lease === null) throw new StoreInputError('lease is missing.');
  return {
    jobId: requiredId('lease.jobId', lease.jobId),
    token: requiredId('lease.token', lease.token),
  };
}
