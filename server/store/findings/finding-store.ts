import { StoreDataError, StoreInputError } from '../errors.ts';
import {
  decodeCursor,
  encodeCursor,
  optionalIdList,
  pageLimit,
  requiredId,
  timestamp,
  wholeNumber,
} from '../input.ts';
import { encodeJson, isJsonObject, type JsonObject } from '../json.ts';
import { read, type Row } from '../rows.ts';

/** One thing wrong with one organization, found by a data-quality check. */
export interface Finding {
  /** The check's name, e.g. `invalidEmail`, `duplicateName`. */
  check: string;
  recordId: string;
  /**
   * Tells apart several findings of one check on one record (the field, or a duplicate group's
   * key); '' when there is one. Findings of a check are listed in (key, recordId) order, so the
   * members of a duplicate group come together.
   */
  key: string;
  /** What the page shows: the value, the suggested fix, the reason of a group… */
  detail: JsonObject;
}

export interface ScanSummary {
  scanId: string;
  /** When the scan that produced the findings finished (epoch ms). */
  scannedAt: number;
  /** How many organizations it looked at. */
  recordCount: number;
}

export interface CheckCount {
  check: string;
  findings: number;
  /** Distinct organizations with a finding of this check. */
  records: number;
}

export interface FindingPage {
  findings: Finding[];
  nextCursor: string | null;
}

/**
 * The findings of each chatbot's last scan. A scan writes into a staged generation, page by
 * page, so a restart loses nothing; `publish` swaps it for the previous one in one transaction,
 * so readers see either the old findings or the new ones, never a mixture.
 */
export interface FindingStore {
  /** Opens a staged generation (again, when a scan resumes: then it keeps what was staged). */
  beginScan(chatbotId: string, scanId: string): Promise<void>;
  /** Adds findings to a staged generation (a finding staged twice keeps the last detail). */
  stage(chatbotId: string, scanId: string, findings: readonly Finding[]): Promise<void>;
  /** Makes a staged generation the chatbot's findings and drops the previous ones. */
  publish(chatbotId: string, scanId: string, summary: Omit<ScanSummary, 'scanId'>): Promise<void>;
  /** Drops a staged generation (the scan was cancelled). */
  discard(chatbotId: string, scanId: string): Promise<void>;
  /** beginScan + stage + publish in one transaction. */
  replace(chatbotId: string, summary: ScanSummary, findings: readonly Finding[]): Promise<void>;
  /**
   * After a write through the console: the record's findings become `findings` (of `checks`
   * only, when given) in the published generation and in any staged one, so a scan running
   * meanwhile does not bring back what the write fixed.
   */
  replaceForRecord(
    chatbotId: string,
    recordId: string,
    findings: readonly Omit<Finding, 'recordId'>[],
    checks?: readonly string[],
  ): Promise<void>;
  lastScan(chatbotId: string): Promise<ScanSummary | null>;
  /**
   * The published findings of one check, in (key, recordId) order; those of a staged generation
   * when `scanId` is given (a scan reads back what it staged to group records across pages).
   */
  list(
    chatbotId: string,
    check: string,
    page?: { cursor?: string; limit?: number; scanId?: string },
  ): Promise<FindingPage>;
  forRecord(chatbotId: string, recordId: string): Promise<Finding[]>;
  /** Per check of the published generation, by check name. */
  counts(chatbotId: string): Promise<CheckCount[]>;
}

export const MAX_FINDING_PAGE = 1_000;

export interface FindingRow {
  check: string;
  key: string;
  recordId: string;
  detail: string;
}

function prepareDetail(detail: JsonObject): string {
  if (!isJsonObject(detail)) throw new StoreInputError('detail must be an object.');
  return encodeJson(detail);
}

/** Checked rows, one per (check, key, record): of duplicates, the last given wins. */
export function prepareFindings(findings: readonly Finding[]): FindingRow[] {
  if (!Array.isArray(findings)) throw new StoreInputError('findings must be a list.');
  const rows = new Map<string, FindingRow>();
  for (const finding of findings) {
    const row = {
      check: requiredId('check', finding.check, 100),
      key: finding.key === '' ? '' : requiredId('key', finding.key),
      recordId: requiredId('recordId', finding.recordId),
      detail: prepareDetail(finding.detail),
    };
    rows.set(JSON.stringify([row.check, row.key, row.recordId]), row);
  }
  return [...rows.values()];
}

export function prepareSummary(summary: ScanSummary): ScanSummary {
  return {
    scanId: requiredId('scanId', summary.scanId),
    scannedAt: timestamp('scannedAt', summary.scannedAt),
    recordCount: wholeNumber('recordCount', summary.recordCount, 0, 2 ** 31 - 1),
  };
}

/** The rows of `replaceForRecord`, and the checks it replaces (null: all of the record's). */
export function prepareRecordFindings(
  recordId: string,
  findings: readonly Omit<Finding, 'recordId'>[],
  checks: readonly string[] | undefined,
): { rows: FindingRow[]; checks: string[] | null } {
  const id = requiredId('recordId', recordId);
  if (!Array.isArray(findings)) throw new StoreInputError('findings must be a list.');
  const rows = prepareFindings(findings.map((finding) => ({ ...finding, recordId: id })));
  const only = optionalIdList('checks', checks);
  const stray = only === null ? undefined : rows.find((row) => !only.includes(row.check));
  if (stray !== undefined) {
    throw new StoreInputError(
      `A finding of check ${stray.check} is not among the checks replaced.`,
    );
  }
  return { rows, checks: only };
}

export function findingFromRow(row: Row): Finding {
  const r = read(row, 'findings');
  const detail = r.optionalJsonObject('detail');
  if (detail === null) throw new StoreDataError('findings.detail is null.');
  return {
    check: r.text('check_name'),
    recordId: r.text('record_id'),
    key: r.text('finding_key'),
    detail,
  };
}

export function scanSummaryFromRow(row: Row): ScanSummary {
  const r = read(row, 'finding_scans');
  return {
    scanId: r.text('scan_id'),
    scannedAt: r.integer('scanned_at'),
    recordCount: r.integer('record_count'),
  };
}

export function checkCountFromRow(row: Row): CheckCount {
  const r = read(row, 'findings');
  return {
    check: r.text('check_name'),
    findings: r.integer('findings'),
    records: r.integer('records'),
  };
}

export function findingPageQuery(page: { cursor?: string; limit?: number; scanId?: string }): {
  after: [string, string] | null;
  limit: number;
  scanId: string | null;
} {
  return {
    scanId: page.scanId === undefined ? null : requiredId('scanId', page.scanId),
    after:
      page.cursor === undefined
        ? null
        : (decodeCursor(page.cursor, ['string', 'string'] as const) as [string, string]),
    limit: pageLimit(page.limit, 100, MAX_FINDING_PAGE),
  };
}

export function findingPage(rows: Row[], limit: number): FindingPage {
  const findings = rows.slice(0, limit).map(findingFromRow);
  const last = findings.at(-1);
  return {
    findings,
    nextCursor: rows.length > limit && last ? encodeCursor([last.key, last.recordId]) : null,
  };
}

export function notStaged(chatbotId: string, scanId: string): StoreInputError {
  return new StoreInputError(`Scan ${scanId} of chatbot ${chatbotId} is not staged.`);
}
