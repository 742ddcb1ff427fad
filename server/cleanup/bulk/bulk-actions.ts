// What a bulk job does to one organization, as pure functions: the action a person chose (set the
// industry or the country, apply a check's suggested fix, delete), the change it makes to a record
// as field paths → values (`industry`, `address.country`, `variables.plan`; null: no value), the
// PATCH body that makes that change (the API's PATCH replaces `address` and `variables` whole, so
// both are sent complete), and whether a record holds given values (a retried item already done;
// an undo of a record somebody changed since).
import type { JsonObject } from '../../store/index.ts';
import type { OrganizationDto, UpdateOrganizationDto } from '../../sandbox/types.ts';
import { isCheckName, CHECKS, type CheckName } from '../checks/catalogue.ts';
import { checkRecord } from '../checks/record-checks.ts';

export type BulkAction =
  | { kind: 'setIndustry'; value: string }
  | { kind: 'setCountry'; value: string }
  | { kind: 'applyFix'; check: CheckName }
  | { kind: 'delete' };

export const BULK_ACTION_KINDS = ['setIndustry', 'setCountry', 'applyFix', 'delete'] as const;

/** A field path's value: text, a size, or null for "no value". */
export type FieldValue = string | number | null;
export type FieldValues = Record<string, FieldValue>;

/** What one record's item does, decided from the record as read just before. */
export type RecordChange =
  { kind: 'update'; fields: FieldValues } | { kind: 'delete' } | { kind: 'skip'; reason: string };

const MAX_VALUE = 200;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The action of a request body, or the sentence saying what is wrong with it. */
export function parseAction(value: unknown): BulkAction | string {
  if (typeof value !== 'object' || value === null) {
    return `action must be an object with a kind: ${BULK_ACTION_KINDS.join(', ')}.`;
  }
  const action = value as Record<string, unknown>;
  switch (action.kind) {
    case 'setIndustry':
    case 'setCountry': {
      const text = typeof action.value === 'string' ? action.value.trim() : '';
      const what = action.kind === 'setIndustry' ? 'industry' : 'country';
      if (text === '') return `Give the ${what} to set.`;
      if (text.length > MAX_VALUE) return `The ${what} is longer than ${MAX_VALUE} characters.`;
      if (CONTROL.test(text)) return `The ${what} holds control characters.`;
      return { kind: action.kind, value: text };
    }
    case 'applyFix': {
      const check = typeof action.check === 'string' ? action.check : '';
      if (!isCheckName(check)) return 'applyFix needs the check whose suggested fix to apply.';
      if (!CHECKS[check].fixes) return `The check ${check} suggests no fix.`;
      return { kind: 'applyFix', check };
    }
    case 'delete':
      return { kind: 'delete' };
    default:
      return `action.kind must be one of: ${BULK_ACTION_KINDS.join(', ')}.`;
  }
}

/** The console role an action needs: deleting is what the operations table says of `delete`. */
export function actionOperation(action: BulkAction): 'update' | 'delete' {
  return action.kind === 'delete' ? 'delete' : 'update';
}

export function describeAction(action: BulkAction): string {
  switch (action.kind) {
    case 'setIndustry':
      return `Set the industry to “${action.value}”`;
    case 'setCountry':
      return `Set the country to “${action.value}”`;
    case 'applyFix':
      return `Apply the suggested fix of “${CHECKS[action.check].title}”`;
    case 'delete':
      return 'Delete';
  }
}

/** The value at a field path of a record (null when it has none). */
export function fieldValue(record: OrganizationDto, path: string): FieldValue {
  let value: unknown;
  if (path.startsWith('address.')) {
    value = (record.address as Record<string, unknown> | undefined)?.[path.slice(8)];
  } else if (path.startsWith('variables.')) {
    value = record.variables?.[path.slice(10)];
  } else {
    value = (record as unknown as Record<string, unknown>)[path];
  }
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** The record's values at the given paths. */
export function valuesAt(record: OrganizationDto, paths: Iterable<string>): FieldValues {
  const values: FieldValues = {};
  for (const path of paths) values[path] = fieldValue(record, path);
  return values;
}

/** Whether the record holds these values (text compared exactly; "" counts as no value). */
export function holds(record: OrganizationDto, fields: FieldValues): boolean {
  return Object.entries(fields).every(([path, value]) => {
    const now = fieldValue(record, path);
    const norm = (v: FieldValue) => (v === '' ? null : v);
    return norm(now) === norm(value);
  });
}

/**
 * The change an action makes to a record, or why it makes none. `storedFixes` are a group
 * check's suggested fixes for the record from the last scan (the industry variants'), since a
 * group's fix cannot be worked out from one record.
 */
export function changeFor(
  action: BulkAction,
  record: OrganizationDto,
  storedFixes: FieldValues = {},
): RecordChange {
  if (action.kind === 'delete') return { kind: 'delete' };
  let fields: FieldValues;
  if (action.kind === 'setIndustry') fields = { industry: action.value };
  else if (action.kind === 'setCountry') fields = { 'address.country': action.value };
  else {
    fields = {};
    for (const finding of checkRecord(record)) {
      if (finding.check === action.check && finding.fix !== undefined) {
        fields[finding.field] = finding.fix;
      }
    }
    for (const [path, fix] of Object.entries(storedFixes)) fields[path] ??= fix;
    if (Object.keys(fields).length === 0) {
      return { kind: 'skip', reason: 'No suggested fix applies to the record as it is now.' };
    }
  }
  if (holds(record, fields)) {
    return { kind: 'skip', reason: 'The record already has that value.' };
  }
  return { kind: 'update', fields };
}

/**
 * The PATCH body that gives the record these values and keeps everything else: `variables` is
 * required and replaces the stored map, a given `address` replaces the stored one, and "" clears
 * an optional text (the sandbox's rule, docs/API-NOTES.md). A size cannot be cleared by PATCH.
 */
export function patchFor(
  record: OrganizationDto,
  fields: FieldValues,
): UpdateOrganizationDto | string {
  const patch: UpdateOrganizationDto = { variables: { ...(record.variables ?? {}) } };
  for (const [path, value] of Object.entries(fields)) {
    if (path.startsWith('address.')) {
      patch.address = { ...(patch.address ?? record.address ?? {}), [path.slice(8)]: value ?? '' };
    } else if (path.startsWith('variables.')) {
      const key = path.slice(10);
      if (value === null) delete patch.variables[key];
      else patch.variables[key] = String(value);
    } else if (path === 'size') {
      if (typeof value !== 'number') return 'The API cannot clear a size.';
      patch.size = value;
    } else if (path === 'name' || path === 'email' || path === 'website' || path === 'industry') {
      if (path === 'name' && (value === null || value === '')) return 'A name cannot be cleared.';
      patch[path] = value === null ? '' : String(value);
    } else {
      return `Unknown field ${path}.`;
    }
  }
  return patch;
}

/** The fields of a record a delete's undo creates it again with (id, dates and all else go). */
export function recreateBody(copy: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const key of ['name', 'email', 'website', 'size', 'industry', 'address'] as const) {
    if (copy[key] !== undefined) body[key] = copy[key];
  }
  return body;
}
