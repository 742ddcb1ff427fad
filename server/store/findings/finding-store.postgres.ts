import type pg from 'pg';
import { StoreInputError } from '../errors.ts';
import { requiredId } from '../input.ts';
import { inTransaction, type Queryable } from '../postgres/pool.ts';
import {
  checkCountFromRow,
  findingFromRow,
  findingPage,
  findingPageQuery,
  notStaged,
  prepareFindings,
  prepareRecordFindings,
  prepareSummary,
  scanSummaryFromRow,
  type FindingRow,
  type FindingStore,
  type ScanSummary,
} from './finding-store.ts';

/** Findings per INSERT: one statement carries them as arrays (unnest). */
const FINDING_BATCH = 5_000;
const CURRENT_SCAN = `(SELECT scan_id FROM finding_scans WHERE chatbot_id = $1 AND state = 'current')`;

async function upsertRows(
  db: Queryable,
  chatbotId: string,
  scanIds: string[],
  rows: FindingRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += FINDING_BATCH) {
    const batch = rows.slice(start, start + FINDING_BATCH);
    await db.query(
      `INSERT INTO findings (chatbot_id, scan_id, check_name, finding_key, record_id, detail)
       SELECT $1, s.scan_id, t.check_name, t.finding_key, t.record_id, t.detail::json
         FROM unnest($2::text[]) AS s(scan_id),
              unnest($3::text[], $4::text[], $5::text[], $6::text[])
                AS t(check_name, finding_key, record_id, detail)
       ON CONFLICT (chatbot_id, scan_id, check_name, finding_key, record_id)
       DO UPDATE SET detail = excluded.detail`,
      [
        chatbotId,
        scanIds,
        batch.map((row) => row.check),
        batch.map((row) => row.key),
        batch.map((row) => row.recordId),
        batch.map((row) => row.detail),
      ],
    );
  }
}

/** The scan's state, locking its row until the transaction ends (publish and stage serialise). */
async function lockScan(
  client: pg.PoolClient,
  chatbotId: string,
  scanId: string,
): Promise<string | undefined> {
  const { rows } = await client.query<{ state: string }>(
    'SELECT state FROM finding_scans WHERE chatbot_id = $1 AND scan_id = $2 FOR UPDATE',
    [chatbotId, scanId],
  );
  return rows[0]?.state;
}

async function begin(db: Queryable, chatbotId: string, scanId: string, at: number): Promise<void> {
  await db.query(
    `INSERT INTO finding_scans (chatbot_id, scan_id, state, started_at)
     VALUES ($1, $2, 'staged', $3) ON CONFLICT (chatbot_id, scan_id) DO NOTHING`,
    [chatbotId, scanId, at],
  );
}

async function publishLocked(
  client: pg.PoolClient,
  chatbotId: string,
  summary: ScanSummary,
): Promise<void> {
  await client.query(`DELETE FROM finding_scans WHERE chatbot_id = $1 AND state = 'current'`, [
    chatbotId,
  ]);
  await client.query(
    `UPDATE finding_scans SET state = 'current', scanned_at = $3, record_count = $4
      WHERE chatbot_id = $1 AND scan_id = $2`,
    [chatbotId, summary.scanId, summary.scannedAt, summary.recordCount],
  );
}

export function createPostgresFindingStore(pool: pg.Pool, now: () => number): FindingStore {
  return {
    async beginScan(chatbotId, scanId) {
      const chatbot = requiredId('chatbotId', chatbotId);
      const scan = requiredId('scanId', scanId);
      await begin(pool, chatbot, scan, now());
      const { rows } = await pool.query<{ state: string }>(
        'SELECT state FROM finding_scans WHERE chatbot_id = $1 AND scan_id = $2',
        [chatbot, scan],
      );
      if (rows[0]?.state !== 'staged') {
        throw new StoreInputError(`Scan ${scan} of chatbot ${chatbot} is already published.`);
      }
    },
    async stage(chatbotId, scanId, findings) {
      const rows = prepareFindings(findings);
      const chatbot = requiredId('chatbotId', chatbotId);
      const scan = requiredId('scanId', scanId);
      await inTransaction(pool, async (client) => {
        // A shared lock would do for staging, but publish must not slip between check and write.
        if ((await lockScan(client, chatbot, scan)) !== 'staged') throw notStaged(chatbot, scan);
        await upsertRows(client, chatbot, [scan], rows);
      });
    },
    async publish(chatbotId, scanId, summary) {
      const chatbot = requiredId('chatbotId', chatbotId);
      const prepared = prepareSummary({ ...summary, scanId });
      await inTransaction(pool, async (client) => {
        if ((await lockScan(client, chatbot, prepared.scanId)) !== 'staged') {
          throw notStaged(chatbot, prepared.scanId);
        }
        await publishLocked(client, chatbot, prepared);
      });
    },
    async discard(chatbotId, scanId) {
      await pool.query(
        `DELETE FROM finding_scans WHERE chatbot_id = $1 AND scan_id = $2 AND state = 'staged'`,
        [requiredId('chatbotId', chatbotId), requiredId('scanId', scanId)],
      );
    },
    async replace(chatbotId, summary, findings) {
      const rows = prepareFindings(findings);
      const chatbot = requiredId('chatbotId', chatbotId);
      const prepared = prepareSummary(summary);
      await inTransaction(pool, async (client) => {
        await begin(client, chatbot, prepared.scanId, now());
        if ((await lockScan(client, chatbot, prepared.scanId)) !== 'staged') {
          throw new StoreInputError(
            `Scan ${prepared.scanId} of chatbot ${chatbot} is already published.`,
          );
        }
        await upsertRows(client, chatbot, [prepared.scanId], rows);
        await publishLocked(client, chatbot, prepared);
      });
    },
    async replaceForRecord(chatbotId, recordId, findings, checks) {
      const chatbot = requiredId('chatbotId', chatbotId);
      const record = requiredId('recordId', recordId);
      const prepared = prepareRecordFindings(record, findings, checks);
      await inTransaction(pool, async (client) => {
        // Locks the chatbot's generations: a publish cannot drop one between these statements.
        const { rows } = await client.query<{ scan_id: string }>(
          'SELECT scan_id FROM finding_scans WHERE chatbot_id = $1 FOR SHARE',
          [chatbot],
        );
        await client.query(
          `DELETE FROM findings WHERE chatbot_id = $1 AND record_id = $2
              AND ($3::text[] IS NULL OR check_name = ANY($3::text[]))`,
          [chatbot, record, prepared.checks],
        );
        await upsertRows(
          client,
          chatbot,
          rows.map((row) => row.scan_id),
          prepared.rows,
        );
      });
    },
    async lastScan(chatbotId) {
      const { rows } = await pool.query(
        `SELECT * FROM finding_scans WHERE chatbot_id = $1 AND state = 'current'`,
        [requiredId('chatbotId', chatbotId)],
      );
      return rows[0] === undefined ? null : scanSummaryFromRow(rows[0]);
    },
    async list(chatbotId, check, page = {}) {
      const { after, limit, scanId } = findingPageQuery(page);
      const { rows } = await pool.query(
        `SELECT * FROM findings
          WHERE chatbot_id = $1 AND scan_id = COALESCE($6::text, ${CURRENT_SCAN}) AND check_name = $2
            AND ($3::text IS NULL OR (finding_key, record_id) > ($3::text, $4::text))
          ORDER BY finding_key, record_id LIMIT $5`,
        [
          requiredId('chatbotId', chatbotId),
          requiredId('check', check),
          after?.[0] ?? null,
          after?.[1] ?? null,
          limit + 1,
          scanId,
        ],
      );
      return findingPage(rows, limit);
    },
    async forRecord(chatbotId, recordId) {
      const { rows } = await pool.query(
        `SELECT * FROM findings
          WHERE chatbot_id = $1 AND record_id = $2 AND scan_id = ${CURRENT_SCAN}
          ORDER BY check_name, finding_key`,
        [requiredId('chatbotId', chatbotId), requiredId('recordId', recordId)],
      );
      return rows.map(findingFromRow);
    },
    async counts(chatbotId) {
      const { rows } = await pool.query(
        `SELECT check_name, count(*) AS findings, count(DISTINCT record_id) AS records
           FROM findings WHERE chatbot_id = $1 AND scan_id = ${CURRENT_SCAN}
          GROUP BY check_name ORDER BY check_name`,
        [requiredId('chatbotId', chatbotId)],
      );
      return rows.map(checkCountFromRow);
    },
  };
}
