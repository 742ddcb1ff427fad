import {
  decodeCursor,
  encodeCursor,
  optionalId,
  optionalIdList,
  optionalText,
  pageLimit,
  requiredId,
  timestamp,
  wholeNumber,
} from '../input.ts';
import { encodeOptionalJson, isJsonObject, type JsonObject } from '../json.ts';
import { read, type Row } from '../rows.ts';
import { SqlFilter, type Dialect } from '../sql-filter.ts';
import { StoreInputError } from '../errors.ts';

/**
 * One write through the console (or one record of a bulk job), as it happened. Never put a key,
 * a cookie or a session id in any field: the trail is shown to admins and kept for months.
 */
export interface NewAuditEntry {
  /** Default: now. */
  at?: number;
  /** Null in local mode (no sign-in). */
  actorSubject: string | null;
  actorEmail: string | null;
  /** One of the contract's operations (e.g. `updateOrganization`) or a job's, e.g. `bulkUpdate`. */
  operation: string;
  chatbotId: string;
  organizationId: string | null;
  organizationName: string | null;
  /** The changed fields before the write (null for a create). */
  before: JsonObject | null;
  /** The changed fields after the write (null for a delete). */
  after: JsonObject | null;
  /** The HTTP status the API answered; null when no answer came. */
  status: number | null;
  error: string | null;
  requestId: string | null;
  jobId?: string | null;
}

export interface AuditEntry extends Required<NewAuditEntry> {
  id: number;
}

export interface AuditQuery {
  chatbotId?: string;
  actorSubject?: string;
  actorEmail?: string;
  organizationId?: string;
  operations?: readonly string[];
  jobId?: string;
  /** Entries at or after this time (epoch ms). */
  from?: number;
  /** Entries before this time (epoch ms). */
  to?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1–500; default 100. */
  limit?: number;
}

export interface AuditPage {
  /** Newest first (by time, then by id). */
  entries: AuditEntry[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** Append-only: there is no way to change an entry, and none to delete one but retention. */
export interface AuditStore {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  list(query?: AuditQuery): Promise<AuditPage>;
  /** Deletes entries older than `days` days; returns how many. */
  purgeOlderThan(days: number): Promise<number>;
}

export const MAX_AUDIT_PAGE = 500;
const DAY_MS = 86_400_000;

export type AuditRow = Omit<AuditEntry, 'id' | 'before' | 'after'> & {
  before: string | null;
  after: string | null;
};

function optionalObject(name: string, value: JsonObject | null | undefined): JsonObject | null {
  if (value === null || value === undefined) return null;
  if (!isJsonObject(value)) throw new StoreInputError(`${name} must be an object or null.`);
  return value;
}

export function prepareAuditEntry(entry: NewAuditEntry, now: number): AuditRow {
  return {
    at: entry.at === undefined ? now : timestamp('at', entry.at),
    actorSubject: optionalId('actorSubject', entry.actorSubject),
    actorEmail: optionalText('actorEmail', entry.actorEmail, 1_000),
    operation: requiredId('operation', entry.operation, 100),
    chatbotId: requiredId('chatbotId', entry.chatbotId),
    organizationId: optionalId('organizationId', entry.organizationId),
    organizationName: optionalText('organizationName', entry.organizationName),
    before: encodeOptionalJson(optionalObject('before', entry.before)),
    after: encodeOptionalJson(optionalObject('after', entry.after)),
    status:
      entry.status === null || entry.status === undefined
        ? null
        : wholeNumber('status', entry.status, 100, 599),
    error: optionalText('error', entry.error, 10_000),
    requestId: optionalId('requestId', entry.requestId, 200),
    jobId: optionalId('jobId', entry.jobId),
  };
}

export function auditEntryFromRow(row: Row): AuditEntry {
  const r = read(row, 'audit_entries');
  return {
    id: r.integer('id'),
    at: r.integer('at'),
    actorSubject: r.optionalText('actor_subject'),
    actorEmail: r.optionalText('actor_email'),
    operation: r.text('operation'),
    chatbotId: r.text('chatbot_id'),
    organizationId: r.optionalText('organization_id'),
    organizationName: r.optionalText('organization_name'),
    before: r.optionalJsonObject('before'),
    after: r.optionalJsonObject('after'),
    status: r.optionalInteger('status'),
    error: r.optionalText('error'),
    requestId: r.optionalText('request_id'),
    jobId: r.optionalText('job_id'),
  };
}

/** The SELECT of one page of `query` (one row more than the page, to know whether more follow). */
export function auditListSql(
  dialect: Dialect,
  query: AuditQuery,
): { sql: string; params: unknown[]; limit: number } {
  const limit = pageLimit(query.limit, 100, MAX_AUDIT_PAGE);
  const filter = new SqlFilter(dialect);
  const equal = (column: string, name: string, value: string | undefined) => {
    if (value !== undefined) filter.where(`${column} = ${filter.param(requiredId(name, value))}`);
  };
  equal('chatbot_id', 'chatbotId', query.chatbotId);
  equal('actor_subject', 'actorSubject', query.actorSubject);
  equal('actor_email', 'actorEmail', query.actorEmail);
  equal('organization_id', 'organizationId', query.organizationId);
  equal('job_id', 'jobId', query.jobId);
  const operations = optionalIdList('operations', query.operations);
  if (operations !== null) filter.inList('operation', operations);
  if (query.from !== undefined)
    filter.where(`at >= ${filter.param(timestamp('from', query.from))}`);
  if (query.to !== undefined) filter.where(`at < ${filter.param(timestamp('to', query.to))}`);
  if (query.cursor !== undefined) {
    const [at, id] = decodeCursor(query.cursor, ['number', 'number'] as const);
    filter.where(`(at, id) < (${filter.param(at)}, ${filter.param(id)})`);
  }
  const sql = `SELECT * FROM audit_entries ${filter.toSql()}
    ORDER BY at DESC, id DESC LIMIT ${filter.param(limit + 1)}`;
  return { sql, params: filter.params, limit };
}

export function auditPage(rows: Row[], limit: number): AuditPage {
  const entries = rows.slice(0, limit).map(auditEntryFromRow);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null,
  };
}

export function retentionCutoff(days: number, now: number): number {
  return now - wholeNumber('days', days, 1, 100_000) * DAY_MS;
}
