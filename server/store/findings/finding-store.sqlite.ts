import type Database from 'better-sqlite3';
import { StoreInputError } from '../errors.ts';
import { requiredId } from '../input.ts';
import type { Row } from '../rows.ts';
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

const CURRENT_SCAN = `(SELECT scan_id FROM finding_scans WHERE chatbot_id = @chatbotId AND state = 'current')`;

export function createSqliteFindingStore(db: Database.Database, now: () => number): FindingStore {
  const insertScan = db.prepare(
    `INSERT INTO finding_scans (chatbot_id, scan_id, state, started_at)
     VALUES (?, ?, 'staged', ?) ON CONFLICT (chatbot_id, scan_id) DO NOTHING`,
  );
  const scanState = db
    .prepare('SELECT state FROM finding_scans WHERE chatbot_id = ? AND scan_id = ?')
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO findings (chatbot_id, scan_id, check_name, finding_key, record_id, detail)
     VALUES (@chatbotId, @scanId, @check, @key, @recordId, @detail)
     ON CONFLICT (chatbot_id, scan_id, check_name, finding_key, record_id)
     DO UPDATE SET detail = excluded.detail`,
  );
  const dropCurrent = db.prepare(
    `DELETE FROM finding_scans WHERE chatbot_id = ? AND state = 'current'`,
  );
  const makeCurrent = db.prepare(
    `UPDATE finding_scans SET state = 'current', scanned_at = ?, record_count = ?
      WHERE chatbot_id = ? AND scan_id = ?`,
  );
  const dropStaged = db.prepare(
    `DELETE FROM finding_scans WHERE chatbot_id = ? AND scan_id = ? AND state = 'staged'`,
  );
  const generations = db.prepare('SELECT scan_id FROM finding_scans WHERE chatbot_id = ?').pluck();
  // INDEXED BY: without it SQLite walks the primary key (every finding of the chatbot, or of its
  // scan) for one record's findings, a few hundred ms a write at 100,000 organizations.
  const deleteForRecord = db.prepare(
    `DELETE FROM findings INDEXED BY findings_record WHERE chatbot_id = @chatbotId AND record_id = @recordId
        AND (@checks IS NULL OR check_name IN (SELECT value FROM json_each(@checks)))`,
  );
  const selectCurrent = db.prepare(
    `SELECT * FROM finding_scans WHERE chatbot_id = ? AND state = 'current'`,
  );
  // A statement per case rather than COALESCE(@scanId, …) and `@afterKey IS NULL OR …`: SQLite
  // then seeks in the primary key (chatbot_id, scan_id, check_name, finding_key, record_id) to
  // the cursor instead of reading the check's findings from their start for every page.
  const pageOf = (scan: string, after: boolean) =>
    db.prepare(
      `SELECT * FROM findings
        WHERE chatbot_id = @chatbotId AND scan_id = ${scan} AND check_name = @check
          ${after ? 'AND (finding_key, record_id) > (@afterKey, @afterRecord)' : ''}
        ORDER BY finding_key, record_id LIMIT @limit`,
    );
  const pages = {
    published: { first: pageOf(CURRENT_SCAN, false), next: pageOf(CURRENT_SCAN, true) },
    staged: { first: pageOf('@scanId', false), next: pageOf('@scanId', true) },
  };
  const selectForRecord = db.prepare(
    `SELECT * FROM findings INDEXED BY findings_record
      WHERE chatbot_id = @chatbotId AND record_id = @recordId AND scan_id = ${CURRENT_SCAN}
      ORDER BY check_name, finding_key`,
  );
  const selectCounts = db.prepare(
    `SELECT check_name, count(*) AS findings, count(DISTINCT record_id) AS records
       FROM findings WHERE chatbot_id = @chatbotId AND scan_id = ${CURRENT_SCAN}
      GROUP BY check_name ORDER BY check_name`,
  );

  const begin = (chatbotId: string, scanId: string) => {
    insertScan.run(chatbotId, scanId, now());
    if (scanState.get(chatbotId, scanId) !== 'staged') {
      throw new StoreInputError(`Scan ${scanId} of chatbot ${chatbotId} is already published.`);
    }
  };
  const stageRows = (chatbotId: string, scanId: string, rows: FindingRow[]) => {
    if (scanState.get(chatbotId, scanId) !== 'staged') throw notStaged(chatbotId, scanId);
    for (const row of rows) upsert.run({ chatbotId, scanId, ...row });
  };
  const publish = (chatbotId: string, summary: ScanSummary) => {
    if (scanState.get(chatbotId, summary.scanId) !== 'staged') {
      throw notStaged(chatbotId, summary.scanId);
    }
    dropCurrent.run(chatbotId);
    makeCurrent.run(summary.scannedAt, summary.recordCount, chatbotId, summary.scanId);
  };

  const stageTransaction = db.transaction(stageRows);
  const publishTransaction = db.transaction(publish);
  const replaceTransaction = db.transaction(
    (chatbotId: string, summary: ScanSummary, rows: FindingRow[]) => {
      begin(chatbotId, summary.scanId);
      stageRows(chatbotId, summary.scanId, rows);
      publish(chatbotId, summary);
    },
  );
  const replaceForRecordTransaction = db.transaction(
    (chatbotId: string, recordId: string, rows: FindingRow[], checks: string[] | null) => {
      deleteForRecord.run({ chatbotId, recordId, checks: checks && JSON.stringify(checks) });
      for (const scanId of generations.all(chatbotId) as string[]) {
        for (const row of rows) upsert.run({ chatbotId, scanId, ...row });
      }
    },
  );

  return {
    async beginScan(chatbotId, scanId) {
      begin(requiredId('chatbotId', chatbotId), requiredId('scanId', scanId));
    },
    async stage(chatbotId, scanId, findings) {
      const rows = prepareFindings(findings);
      stageTransaction.immediate(
        requiredId('chatbotId', chatbotId),
        requiredId('scanId', scanId),
        rows,
      );
    },
    async publish(chatbotId, scanId, summary) {
      publishTransaction.immediate(
        requiredId('chatbotId', chatbotId),
        prepareSummary({ ...summary, scanId }),
      );
    },
    async discard(chatbotId, scanId) {
      dropStaged.run(requiredId('chatbotId', chatbotId), requiredId('scanId', scanId));
    },
    async replace(chatbotId, summary, findings) {
      const rows = prepareFindings(findings);
      replaceTransaction.immediate(
        requiredId('chatbotId', chatbotId),
        prepareSummary(summary),
        rows,
      );
    },
    async replaceForRecord(chatbotId, recordId, findings, checks) {
      const prepared = prepareRecordFindings(recordId, findings, checks);
      replaceForRecordTransaction.immediate(
        requiredId('chatbotId', chatbotId),
        requiredId('recordId', recordId),
        prepared.rows,
        prepared.checks,
      );
    },
    async lastScan(chatbotId) {
      const row = selectCurrent.get(requiredId('chatbotId', chatbotId)) as Row | undefined;
      return row === undefined ? null : scanSummaryFromRow(row);
    },
    async list(chatbotId, check, page = {}) {
      const { after, limit, scanId } = findingPageQuery(page);
      const statements = scanId === null ? pages.published : pages.staged;
      const rows = (after === null ? statements.first : statements.next).all({
        ...(scanId === null ? {} : { scanId }),
        chatbotId: requiredId('chatbotId', chatbotId),
        check: requiredId('check', check),
        ...(after === null ? {} : { afterKey: after[0], afterRecord: after[1] }),
        limit: limit + 1,
      }) as Row[];
      return findingPage(rows, limit);
    },
    async forRecord(chatbotId, recordId) {
      const rows = selectForRecord.all({
        chatbotId: requiredId('chatbotId', chatbotId),
        recordId: requiredId('recordId', recordId),
      }) as Row[];
      return rows.map(findingFromRow);
    },
    async counts(chatbotId) {
      const rows = selectCounts.all({ chatbotId: requiredId('chatbotId', chatbotId) }) as Row[];
      return rows.map(checkCountFromRow);
    },
  };
}
