import type Database from 'better-sqlite3';
import { StoreInputError } from '../errors.ts';
import { requiredId } from '../input.ts';
import type { Row } from '../rows.ts';
import { SqlFilter } from '../sql-filter.ts';
import { statementCache, writeReturning } from '../sqlite/statements.ts';
import {
  claimOwner,
  counterColumn,
  finishOutcome,
  itemCountsFromRows,
  itemQuery,
  itemSeq,
  jobFromRow,
  jobItemFromRow,
  jobKinds,
  jobStates,
  leaseKey,
  leaseMs,
  listLimit,
  newLeaseToken,
  prepareCheckpoint,
  prepareItemCopy,
  prepareItemResult,
  prepareJob,
  prepareJobItems,
  purgeCutoff,
  type JobItemRow,
  type JobStore,
} from './job-store.ts';

// SQLite serialises writers: each read-then-write below is one IMMEDIATE transaction, which holds
// the database's write lock from its first statement, so two processes on one file cannot both
// claim a job or record an item on a lease the other has just taken.
export function createSqliteJobStore(db: Database.Database, now: () => number): JobStore {
  const insertJob = db.prepare(
    `INSERT INTO jobs (id, kind, chatbot_id, params, created_by, state, total, created_at, updated_at)
     VALUES (@id, @kind, @chatbotId, @params, @createdBy, @state, @total, @createdAt, @createdAt)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO job_items (job_id, seq, record_id, before, after, status, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
  );
  const selectJob = db.prepare('SELECT * FROM jobs WHERE id = ?');
  const leaseHeld = db.prepare(
    `SELECT 1 FROM jobs
      WHERE id = @jobId AND lease_token = @token AND state = 'running' AND lease_expires_at > @now`,
  );
  const pickRunnable = db.prepare(
    `SELECT id FROM jobs
      WHERE (state = 'queued' OR (state = 'running' AND lease_expires_at <= @now))
        AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
      ORDER BY created_at, id LIMIT 1`,
  );
  const take = db.prepare(
    `UPDATE jobs SET state = 'running', lease_owner = @owner, lease_token = @token,
       lease_expires_at = @expiresAt, claims = claims + 1, started_at = COALESCE(started_at, @now),
       updated_at = @now
     WHERE id = @id RETURNING *`,
  );
  const extend = db.prepare(
    `UPDATE jobs SET lease_expires_at = @expiresAt, updated_at = @now
      WHERE id = @jobId AND lease_token = @token AND state = 'running' AND lease_expires_at > @now`,
  );
  const giveBack = db.prepare(
    `UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_token = NULL,
       lease_expires_at = NULL, updated_at = @now
     WHERE id = @jobId AND lease_token = @token AND state = 'running' AND lease_expires_at > @now`,
  );
  const end = db.prepare(
    `UPDATE jobs SET state = @state, error = @error, lease_owner = NULL, lease_token = NULL,
       lease_expires_at = NULL, finished_at = @now, updated_at = @now
     WHERE id = @jobId AND lease_token = @token AND state = 'running' AND lease_expires_at > @now`,
  );
  const saveCheckpoint = db.prepare(
    `UPDATE jobs SET
       checkpoint = CASE WHEN @setCheckpoint THEN @checkpoint ELSE checkpoint END,
       total = CASE WHEN @setTotal THEN @total ELSE total END,
       done_count = COALESCE(@done, done_count),
       failed_count = COALESCE(@failed, failed_count),
       skipped_count = COALESCE(@skipped, skipped_count),
       updated_at = @now
     WHERE id = @jobId AND lease_token = @token AND state = 'running' AND lease_expires_at > @now`,
  );
  const lastSeq = db
    .prepare('SELECT COALESCE(MAX(seq), 0) FROM job_items WHERE job_id = ?')
    .pluck();
  const addToTotal = db.prepare(
    'UPDATE jobs SET total = COALESCE(total, 0) + ?, updated_at = ? WHERE id = ?',
  );
  const attempt = db.prepare(
    `UPDATE job_items SET attempts = attempts + 1, updated_at = ?
      WHERE job_id = ? AND seq = ? AND status = 'pending'`,
  );
  const saveCopy = db.prepare(
    `UPDATE job_items SET before = ?, after = ?, updated_at = ?
      WHERE job_id = ? AND seq = ? AND status = 'pending'`,
  );
  const itemStatus = db
    .prepare('SELECT status FROM job_items WHERE job_id = ? AND seq = ?')
    .pluck();
  const recordResult = db.prepare(
    `UPDATE job_items SET status = @status, error = @error,
       before = CASE WHEN @setBefore THEN @before ELSE before END,
       after = CASE WHEN @setAfter THEN @after ELSE after END,
       updated_at = @now
     WHERE job_id = @jobId AND seq = @seq AND status = 'pending'`,
  );
  const counters = {
    done_count: db.prepare(
      'UPDATE jobs SET done_count = done_count + 1, updated_at = ? WHERE id = ?',
    ),
    failed_count: db.prepare(
      'UPDATE jobs SET failed_count = failed_count + 1, updated_at = ? WHERE id = ?',
    ),
    skipped_count: db.prepare(
      'UPDATE jobs SET skipped_count = skipped_count + 1, updated_at = ? WHERE id = ?',
    ),
  };
  const countItems = db.prepare(
    'SELECT status, count(*) AS count FROM job_items WHERE job_id = ? GROUP BY status',
  );
  const pause = db.prepare(
    `UPDATE jobs SET state = 'paused', lease_owner = NULL, lease_token = NULL,
       lease_expires_at = NULL, updated_at = ?
     WHERE id = ? AND state IN ('queued', 'running')`,
  );
  const resume = db.prepare(
    `UPDATE jobs SET state = 'queued', updated_at = ? WHERE id = ? AND state = 'paused'`,
  );
  const cancel = db.prepare(
    `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_token = NULL,
       lease_expires_at = NULL, finished_at = ?, updated_at = ?
     WHERE id = ? AND state IN ('queued', 'running', 'paused')`,
  );
  const purge = db.prepare(
    `DELETE FROM jobs WHERE state IN ('done', 'failed', 'cancelled') AND finished_at < ?`,
  );

  const prepared = statementCache(db);
  const insertItems = (jobId: string, firstSeq: number, items: JobItemRow[], at: number) => {
    items.forEach((item, index) =>
      insertItem.run(jobId, firstSeq + index, item.recordId, item.before, item.after, at),
    );
  };
  const held = (jobId: string, token: string, at: number) =>
    leaseHeld.get({ jobId, token, now: at }) !== undefined;
  const flag = (value: boolean) => (value ? 1 : 0);

  const create = db.transaction((input: Parameters<JobStore['create']>[0]) => {
    const at = now();
    const { row, items } = prepareJob(input, at);
    insertJob.run(row);
    insertItems(row.id, 1, items, at);
    return jobFromRow(selectJob.get(row.id) as Row);
  });

  const claim = db.transaction((options: Parameters<JobStore['claim']>[0]) => {
    const owner = claimOwner(options);
    const duration = leaseMs(options.leaseMs);
    const kinds = jobKinds(options.kinds);
    const at = now();
    const picked = pickRunnable.get({ now: at, kinds: kinds && JSON.stringify(kinds) }) as
      { id: string } | undefined;
    if (picked === undefined) return null;
    const token = newLeaseToken();
    const expiresAt = at + duration;
    const job = jobFromRow(
      writeReturning(take, { id: picked.id, owner, token, expiresAt, now: at }) as Row,
    );
    return { job, lease: { jobId: job.id, owner, token, expiresAt } };
  });

  const appendItems = db.transaction(
    (lease: Parameters<JobStore['appendItems']>[0], items: JobItemRow[]) => {
      const { jobId, token } = leaseKey(lease);
      const at = now();
      if (!held(jobId, token, at)) return false;
      insertItems(jobId, (lastSeq.get(jobId) as number) + 1, items, at);
      addToTotal.run(items.length, at, jobId);
      return true;
    },
  );

  const beginItem = db.transaction((lease: Parameters<JobStore['beginItem']>[0], seq: number) => {
    const { jobId, token } = leaseKey(lease);
    const at = now();
    if (!held(jobId, token, at)) return false;
    attempt.run(at, jobId, seq);
    return true;
  });

  const saveItemCopy = db.transaction(
    (
      lease: Parameters<JobStore['saveItemCopy']>[0],
      seq: number,
      before: string | null,
      after: string | null,
    ) => {
      const { jobId, token } = leaseKey(lease);
      const at = now();
      if (!held(jobId, token, at)) return false;
      saveCopy.run(before, after, at, jobId, seq);
      return true;
    },
  );

  const recordItem = db.transaction(
    (
      lease: Parameters<JobStore['recordItem']>[0],
      seq: number,
      result: ReturnType<typeof prepareItemResult>,
    ) => {
      const { jobId, token } = leaseKey(lease);
      const at = now();
      if (!held(jobId, token, at)) return false;
      const changed = recordResult.run({
        ...result,
        setBefore: flag(result.setBefore),
        setAfter: flag(result.setAfter),
        jobId,
        seq,
        now: at,
      }).changes;
      if (changed > 0) {
        counters[counterColumn(result.status)].run(at, jobId);
      } else if (itemStatus.get(jobId, seq) === undefined) {
        throw new StoreInputError(`Job ${jobId} has no item ${seq}.`);
      }
      return true;
    },
  );

  return {
    async create(input) {
      return create.immediate(input);
    },
    async get(id) {
      const row = selectJob.get(requiredId('id', id)) as Row | undefined;
      return row === undefined ? null : jobFromRow(row);
    },
    async list(query) {
      const filter = new SqlFilter('sqlite');
      filter.where(`chatbot_id = ${filter.param(requiredId('chatbotId', query.chatbotId))}`);
      const kinds = jobKinds(query.kinds);
      if (kinds !== null) filter.inList('kind', kinds);
      const states = jobStates(query.states);
      if (states !== null) filter.inList('state', states);
      const sql = `SELECT * FROM jobs ${filter.toSql()} ORDER BY created_at DESC, id DESC
        LIMIT ${filter.param(listLimit(query.limit))}`;
      return (prepared(sql).all(...filter.params) as Row[]).map(jobFromRow);
    },
    async claim(options) {
      return claim.immediate(options);
    },
    async renew(lease, duration) {
      const { jobId, token } = leaseKey(lease);
      const at = now();
      const expiresAt = at + leaseMs(duration);
      const changed = extend.run({ jobId, token, now: at, expiresAt }).changes;
      return changed > 0 ? { ...lease, expiresAt } : null;
    },
    async release(lease) {
      return giveBack.run({ ...leaseKey(lease), now: now() }).changes > 0;
    },
    async finish(lease, outcome) {
      return end.run({ ...leaseKey(lease), ...finishOutcome(outcome), now: now() }).changes > 0;
    },
    async checkpoint(lease, progress) {
      const row = prepareCheckpoint(progress);
      const changed = saveCheckpoint.run({
        ...row,
        setCheckpoint: flag(row.setCheckpoint),
        setTotal: flag(row.setTotal),
        ...leaseKey(lease),
        now: now(),
      }).changes;
      return changed > 0;
    },
    async appendItems(lease, items) {
      return appendItems.immediate(lease, prepareJobItems(items));
    },
    async beginItem(lease, seq) {
      return beginItem.immediate(lease, itemSeq(seq));
    },
    async saveItemCopy(lease, seq, copy) {
      const { before, after } = prepareItemCopy(copy);
      return saveItemCopy.immediate(lease, itemSeq(seq), before, after);
    },
    async recordItem(lease, seq, result) {
      return recordItem.immediate(lease, itemSeq(seq), prepareItemResult(result));
    },
    async items(jobId, query = {}) {
      const { afterSeq, statuses, limit } = itemQuery(query);
      const filter = new SqlFilter('sqlite');
      filter
        .where(`job_id = ${filter.param(requiredId('jobId', jobId))}`)
        .where(`seq > ${filter.param(afterSeq)}`);
      if (statuses !== null) filter.inList('status', statuses);
      const sql = `SELECT * FROM job_items ${filter.toSql()} ORDER BY seq LIMIT ${filter.param(limit)}`;
      return (prepared(sql).all(...filter.params) as Row[]).map(jobItemFromRow);
    },
    async itemCounts(jobId) {
      return itemCountsFromRows(countItems.all(requiredId('jobId', jobId)) as Row[]);
    },
    async pause(id) {
      return pause.run(now(), requiredId('id', id)).changes > 0;
    },
    async resume(id) {
      return resume.run(now(), requiredId('id', id)).changes > 0;
    },
    async cancel(id) {
      const at = now();
      return cancel.run(at, at, requiredId('id', id)).changes > 0;
    },
    async purgeFinishedOlderThan(days) {
      return purge.run(purgeCutoff(days, now())).changes;
    },
  };
}
