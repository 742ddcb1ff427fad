import type pg from 'pg';
import { StoreInputError } from '../errors.ts';
import { requiredId } from '../input.ts';
import { inTransaction } from '../postgres/pool.ts';
import { SqlFilter } from '../sql-filter.ts';
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
  type JobLease,
  type JobStore,
} from './job-store.ts';

/** Items per INSERT: one statement carries them as arrays (unnest), whatever their number. */
const ITEM_BATCH = 5_000;

async function insertItems(
  client: pg.PoolClient,
  jobId: string,
  firstSeq: number,
  items: JobItemRow[],
  at: number,
): Promise<void> {
  for (let start = 0; start < items.length; start += ITEM_BATCH) {
    const batch = items.slice(start, start + ITEM_BATCH);
    await client.query(
      `INSERT INTO job_items (job_id, seq, record_id, before, after, status, updated_at)
       SELECT $1, ($2::int + t.ord - 1)::int, t.record_id, t.before::json, t.after::json,
              'pending', $3
         FROM unnest($4::text[], $5::text[], $6::text[])
              WITH ORDINALITY AS t(record_id, before, after, ord)`,
      [
        jobId,
        firstSeq + start,
        at,
        batch.map((item) => item.recordId),
        batch.map((item) => item.before),
        batch.map((item) => item.after),
      ],
    );
  }
}

/**
 * True when `lease` still holds its job, locking the job's row until the transaction ends: a
 * claim by another replica (SKIP LOCKED) passes it by meanwhile, and cannot take it over between
 * this check and the writes that follow.
 */
async function lockHeld(client: pg.PoolClient, lease: JobLease, at: number): Promise<boolean> {
  const { jobId, token } = leaseKey(lease);
  const { rowCount } = await client.query(
    `SELECT 1 FROM jobs
      WHERE id = $1 AND lease_token = $2 AND state = 'running' AND lease_expires_at > $3
      FOR UPDATE`,
    [jobId, token, at],
  );
  return (rowCount ?? 0) > 0;
}

export function createPostgresJobStore(pool: pg.Pool, now: () => number): JobStore {
  const update = async (sql: string, params: unknown[]): Promise<boolean> =>
    ((await pool.query(sql, params)).rowCount ?? 0) > 0;

  return {
    async create(input) {
      const at = now();
      const { row, items } = prepareJob(input, at);
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query(
          `INSERT INTO jobs (id, kind, chatbot_id, params, created_by, state, total, created_at,
             updated_at)
           VALUES ($1, $2, $3, $4::json, $5, $6, $7, $8, $8) RETURNING *`,
          [row.id, row.kind, row.chatbotId, row.params, row.createdBy, row.state, row.total, at],
        );
        await insertItems(client, row.id, 1, items, at);
        return jobFromRow(rows[0]);
      });
    },
    async get(id) {
      const { rows } = await pool.query('SELECT * FROM jobs WHERE id = $1', [requiredId('id', id)]);
      return rows[0] === undefined ? null : jobFromRow(rows[0]);
    },
    async list(query) {
      const filter = new SqlFilter('postgres');
      filter.where(`chatbot_id = ${filter.param(requiredId('chatbotId', query.chatbotId))}`);
      const kinds = jobKinds(query.kinds);
      if (kinds !== null) filter.inList('kind', kinds);
      const states = jobStates(query.states);
      if (states !== null) filter.inList('state', states);
      const sql = `SELECT * FROM jobs ${filter.toSql()} ORDER BY created_at DESC, id DESC
        LIMIT ${filter.param(listLimit(query.limit))}`;
      return (await pool.query(sql, filter.params)).rows.map(jobFromRow);
    },
    async claim(options) {
      const owner = claimOwner(options);
      const duration = leaseMs(options.leaseMs);
      const kinds = jobKinds(options.kinds);
      const at = now();
      const token = newLeaseToken();
      const expiresAt = at + duration;
      // SKIP LOCKED: a replica claiming at the same moment passes over the row this one locked
      // and takes the next runnable job, or none; the lock also re-checks the row's state.
      const { rows } = await pool.query(
        `UPDATE jobs SET state = 'running', lease_owner = $1, lease_token = $2,
           lease_expires_at = $3, claims = claims + 1, started_at = COALESCE(started_at, $4),
           updated_at = $4
         WHERE id = (
           SELECT id FROM jobs
            WHERE (state = 'queued' OR (state = 'running' AND lease_expires_at <= $4))
              AND ($5::text[] IS NULL OR kind = ANY($5::text[]))
            ORDER BY created_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, token, expiresAt, at, kinds],
      );
      if (rows[0] === undefined) return null;
      const job = jobFromRow(rows[0]);
      return { job, lease: { jobId: job.id, owner, token, expiresAt } };
    },
    async renew(lease, duration) {
      const { jobId, token } = leaseKey(lease);
      const at = now();
      const expiresAt = at + leaseMs(duration);
      const renewed = await update(
        `UPDATE jobs SET lease_expires_at = $3, updated_at = $4
          WHERE id = $1 AND lease_token = $2 AND state = 'running' AND lease_expires_at > $4`,
        [jobId, token, expiresAt, at],
      );
      return renewed ? { ...lease, expiresAt } : null;
    },
    async release(lease) {
      const { jobId, token } = leaseKey(lease);
      return update(
        `UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, updated_at = $3
         WHERE id = $1 AND lease_token = $2 AND state = 'running' AND lease_expires_at > $3`,
        [jobId, token, now()],
      );
    },
    async finish(lease, outcome) {
      const { jobId, token } = leaseKey(lease);
      const { state, error } = finishOutcome(outcome);
      return update(
        `UPDATE jobs SET state = $3, error = $4, lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, finished_at = $5, updated_at = $5
         WHERE id = $1 AND lease_token = $2 AND state = 'running' AND lease_expires_at > $5`,
        [jobId, token, state, error, now()],
      );
    },
    async checkpoint(lease, progress) {
      const { jobId, token } = leaseKey(lease);
      const row = prepareCheckpoint(progress);
      return update(
        `UPDATE jobs SET
           checkpoint = CASE WHEN $4 THEN $5::json ELSE checkpoint END,
           total = CASE WHEN $6 THEN $7::int ELSE total END,
           done_count = COALESCE($8::int, done_count),
           failed_count = COALESCE($9::int, failed_count),
           skipped_count = COALESCE($10::int, skipped_count),
           updated_at = $3
         WHERE id = $1 AND lease_token = $2 AND state = 'running' AND lease_expires_at > $3`,
        [
          jobId,
          token,
          now(),
          row.setCheckpoint,
          row.checkpoint,
          row.setTotal,
          row.total,
          row.done,
          row.failed,
          row.skipped,
        ],
      );
    },
    async appendItems(lease, newItems) {
      const items = prepareJobItems(newItems);
      return inTransaction(pool, async (client) => {
        const at = now();
        if (!(await lockHeld(client, lease, at))) return false;
        const { rows } = await client.query<{ last: number }>(
          'SELECT COALESCE(MAX(seq), 0)::int AS last FROM job_items WHERE job_id = $1',
          [lease.jobId],
        );
        await insertItems(client, lease.jobId, (rows[0]?.last ?? 0) + 1, items, at);
        await client.query(
          'UPDATE jobs SET total = COALESCE(total, 0) + $2, updated_at = $3 WHERE id = $1',
          [lease.jobId, items.length, at],
        );
        return true;
      });
    },
    async beginItem(lease, seq) {
      const itemNumber = itemSeq(seq);
      return inTransaction(pool, async (client) => {
        const at = now();
        if (!(await lockHeld(client, lease, at))) return false;
        await client.query(
          `UPDATE job_items SET attempts = attempts + 1, updated_at = $3
            WHERE job_id = $1 AND seq = $2 AND status = 'pending'`,
          [lease.jobId, itemNumber, at],
        );
        return true;
      });
    },
    async saveItemCopy(lease, seq, copy) {
      const itemNumber = itemSeq(seq);
      const { before, after } = prepareItemCopy(copy);
      return inTransaction(pool, async (client) => {
        const at = now();
        if (!(await lockHeld(client, lease, at))) return false;
        await client.query(
          `UPDATE job_items SET before = $3::json, after = $4::json, updated_at = $5
            WHERE job_id = $1 AND seq = $2 AND status = 'pending'`,
          [lease.jobId, itemNumber, before, after, at],
        );
        return true;
      });
    },
    async recordItem(lease, seq, itemResult) {
      const itemNumber = itemSeq(seq);
      const result = prepareItemResult(itemResult);
      return inTransaction(pool, async (client) => {
        const at = now();
        if (!(await lockHeld(client, lease, at))) return false;
        const { rowCount } = await client.query(
          `UPDATE job_items SET status = $3, error = $4,
             before = CASE WHEN $5 THEN $6::json ELSE before END,
             after = CASE WHEN $7 THEN $8::json ELSE after END,
             updated_at = $9
           WHERE job_id = $1 AND seq = $2 AND status = 'pending'`,
          [
            lease.jobId,
            itemNumber,
            result.status,
            result.error,
            result.setBefore,
            result.before,
            result.setAfter,
            result.after,
            at,
          ],
        );
        if ((rowCount ?? 0) > 0) {
          const column = counterColumn(result.status);
          await client.query(
            `UPDATE jobs SET ${column} = ${column} + 1, updated_at = $2 WHERE id = $1`,
            [lease.jobId, at],
          );
        } else {
          const exists = await client.query(
            'SELECT 1 FROM job_items WHERE job_id = $1 AND seq = $2',
            [lease.jobId, itemNumber],
          );
          if (exists.rowCount === 0) {
            throw new StoreInputError(`Job ${lease.jobId} has no item ${itemNumber}.`);
          }
        }
        return true;
      });
    },
    async items(jobId, query = {}) {
      const { afterSeq, statuses, limit } = itemQuery(query);
      const filter = new SqlFilter('postgres');
      filter
        .where(`job_id = ${filter.param(requiredId('jobId', jobId))}`)
        .where(`seq > ${filter.param(afterSeq)}`);
      if (statuses !== null) filter.inList('status', statuses);
      const sql = `SELECT * FROM job_items ${filter.toSql()} ORDER BY seq LIMIT ${filter.param(limit)}`;
      return (await pool.query(sql, filter.params)).rows.map(jobItemFromRow);
    },
    async itemCounts(jobId) {
      const { rows } = await pool.query(
        'SELECT status, count(*) AS count FROM job_items WHERE job_id = $1 GROUP BY status',
        [requiredId('jobId', jobId)],
      );
      return itemCountsFromRows(rows);
    },
    async pause(id) {
      return update(
        `UPDATE jobs SET state = 'paused', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, updated_at = $2
         WHERE id = $1 AND state IN ('queued', 'running')`,
        [requiredId('id', id), now()],
      );
    },
    async resume(id) {
      return update(
        `UPDATE jobs SET state = 'queued', updated_at = $2 WHERE id = $1 AND state = 'paused'`,
        [requiredId('id', id), now()],
      );
    },
    async cancel(id) {
      return update(
        `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, finished_at = $2, updated_at = $2
         WHERE id = $1 AND state IN ('queued', 'running', 'paused')`,
        [requiredId('id', id), now()],
      );
    },
    async purgeFinishedOlderThan(days) {
      const result = await pool.query(
        `DELETE FROM jobs WHERE state IN ('done', 'failed', 'cancelled') AND finished_at < $1`,
        [purgeCutoff(days, now())],
      );
      return result.rowCount ?? 0;
    },
  };
}
