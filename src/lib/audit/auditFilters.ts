// The Audit page's filters as they live in the URL's query string (`?person=…&organization=…&
// operation=update&from=2026-01-01&to=2026-01-31`), read back strictly: a value that cannot be a
// filter is dropped and named, never sent on to widen or narrow the answer silently.
import type { AuditFilters } from '../../api/audit/audit.ts';

export const AUDIT_OPERATIONS = ['create', 'update', 'delete'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/** What the filter form shows; '' for "any". Dates are `YYYY-MM-DD` (days in UTC). */
export interface AuditFilterValues {
  person: string;
  organization: string;
  operation: AuditOperation | '';
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = {
  person: '',
  organization: '',
  operation: '',
  from: '',
  to: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 1_000;

export interface ReadFilters {
  values: AuditFilterValues;
  /** Sentences for the parameters that were left out, e.g. "operation "rename" is not one…". */
  problems: string[];
}

function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The filters of a query string; anything that is not a valid filter is left out and named. */
export function readAuditFilters(params: URLSearchParams): ReadFilters {
  const problems: string[] = [];
  const text = (name: string): string => {
    const value = (params.get(name) ?? '').trim();
    if (value.length > MAX_TEXT) {
      problems.push(`The ${name} filter is longer than ${MAX_TEXT} characters; it was left out.`);
      return '';
    }
    return value;
  };
  const operationText = params.get('operation') ?? '';
  let operation: AuditOperation | '' = '';
  if ((AUDIT_OPERATIONS as readonly string[]).includes(operationText)) {
    operation = operationText as AuditOperation;
  } else if (operationText !== '') {
    problems.push(
      `“${operationText}” is not an operation (${AUDIT_OPERATIONS.join(', ')}); it was left out.`,
    );
  }
  const date = (name: 'from' | 'to'): string => {
    const value = params.get(name) ?? '';
    if (value === '' || isDate(value)) return value;
    problems.push(`“${value}” is not a date (YYYY-MM-DD) for “${name}”; it was left out.`);
    return '';
  };
  const values: AuditFilterValues = {
    person: text('person'),
    organization: text('organization'),
    operation,
    from: date('from'),
    to: date('to'),
  };
  if (values.from !== '' && values.to !== '' && values.from > values.to) {
    problems.push('“From” is after “To”; the time range was left out.');
    values.from = '';
    values.to = '';
  }
  return { values, problems };
}

/** The query string for these filters (only those set), for the URL. */
export function auditFilterParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (values.person.trim() !== '') params.set('person', values.person.trim());
  if (values.organization.trim() !== '') params.set('organization', values.organization.trim());
  if (values.operation !== '') params.set('operation', values.operation);
  if (values.from !== '') params.set('from', values.from);
  if (values.to !== '') params.set('to', values.to);
  return params;
}

/** The day after `YYYY-MM-DD`, so "to 2026-01-31" includes that whole day. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** What the server is asked for (GET /console/audit's parameters). */
export function auditQueryFor(values: AuditFilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.person !== '') filters.actorEmail = values.person;
  if (values.organization !== '') filters.organizationId = values.organization;
  if (values.operation !== '') filters.operation = values.operation;
  if (values.from !== '') filters.from = values.from;
  if (values.to !== '') filters.to = nextDay(values.to);
  return filters;
}

export function hasAuditFilters(values: AuditFilterValues): boolean {
  return auditFilterParams(values).size > 0;
}
