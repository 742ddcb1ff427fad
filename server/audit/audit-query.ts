// The query string of GET /console/audit, checked: every parameter known, given once, well formed.
// A mistake is a sentence for a 400, never a silently wider or narrower answer.
import type { AuditQuery } from '../store/index.ts';
import { MAX_AUDIT_PAGE } from '../store/index.ts';

/** The operations the trail holds (the console's writes; bulk jobs add theirs here). */
export const AUDIT_OPERATIONS = ['create', 'update', 'delete'] as const;

const TEXT_PARAMETERS = [
  'chatbotId',
  'organizationId',
  'actorEmail',
  'actorSubject',
  'cursor',
] as const;
const PARAMETERS = [...TEXT_PARAMETERS, 'operation', 'from', 'to', 'limit'] as const;
const MAX_TEXT_LENGTH = 1_000;
// 2024-05-01, 2024-05-01T09:30, 2024-05-01T09:30:00.000Z, 2024-05-01T09:30:00+02:00
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export type AuditQueryCheck = { ok: true; query: AuditQuery } | { ok: false; error: string };

/** `search`: the URL's query string (with or without its `?`). Empty values count as absent. */
export function parseAuditQuery(search: string): AuditQueryCheck {
  const params = new URLSearchParams(search);
  const query: AuditQuery = {};
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      return fail(
        `Unknown query parameter "${name}"; this address takes ${PARAMETERS.join(', ')}.`,
      );
    }
    if (seen.has(name)) return fail(`The query parameter "${name}" is given more than once.`);
    seen.add(name);
    if (value === '') continue;
    if ((TEXT_PARAMETERS as readonly string[]).includes(name)) {
      if (value.length > MAX_TEXT_LENGTH) {
        return fail(`${name} must be at most ${MAX_TEXT_LENGTH} characters.`);
      }
      query[name as (typeof TEXT_PARAMETERS)[number]] = value;
    } else if (name === 'operation') {
      const operations = value.split(',');
      const unknown = operations.find(
        (operation) => !(AUDIT_OPERATIONS as readonly string[]).includes(operation),
      );
      if (unknown !== undefined) {
        return fail(
          `operation "${unknown}" is none of ${AUDIT_OPERATIONS.join(', ')} (comma-separated).`,
        );
      }
      query.operations = [...new Set(operations)];
    } else if (name === 'limit') {
      const limit = Number(value);
      if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_AUDIT_PAGE) {
        return fail(`limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}.`);
      }
      query.limit = limit;
    } else {
      const time = parseTime(value);
      if (time === undefined) {
        return fail(
          `${name} must be a date and time (ISO 8601, e.g. 2024-05-01T09:30:00Z) or epoch milliseconds.`,
        );
      }
      query[name as 'from' | 'to'] = time;
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
    return fail('from must be before to.');
  }
  return { ok: true, query };
}

function parseTime(value: string): number | undefined {
  if (/^\d{1,16}$/.test(value)) return Number(value);
  if (!ISO_DATE_TIME.test(value)) return undefined;
  // A time without an offset is UTC, as a date alone is (not the server's local time).
  const zoned = value.includes('T') && !/(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? `${value}Z` : value;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

function fail(error: string): AuditQueryCheck {
  return { ok: false, error };
}
