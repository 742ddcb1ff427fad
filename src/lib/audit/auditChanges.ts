// What an audit entry shows of a write: each changed field before → after, as plain text (the
// values are whatever was stored, hostile strings included; they are only ever rendered as text).
import type { AuditEntry } from '../../api/audit/audit.ts';
import type { JsonValue } from '../../api/validate.ts';

export interface FieldChangeText {
  field: string;
  /** Null: the field had no value on that side (a create's before, a delete's after). */
  before: string | null;
  after: string | null;
}

/** A value as one line of text: strings as they are, anything else as JSON. */
export function valueText(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Every field named on either side, in a stable order (name first, then alphabetical). */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChangeText[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) =>
    a === 'name' ? -1 : b === 'name' ? 1 : a.localeCompare(b),
  );
  return fields.map((field) => ({
    field,
    before: valueText(Object.hasOwn(before, field) ? before[field] : undefined),
    after: valueText(Object.hasOwn(after, field) ? after[field] : undefined),
  }));
}

const OPERATION_WORDS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
};

/** "Updated", "Created"…, or the operation's own name for one the console does not know yet. */
export function operationWord(operation: string): string {
  return OPERATION_WORDS[operation] ?? operation;
}

/** "Refused (403): …", "Failed (409)…", or null when the write succeeded. */
export function outcomeText(entry: Pick<AuditEntry, 'status' | 'error'>): string | null {
  if (entry.status !== null && entry.status >= 200 && entry.status < 300) return null;
  const status = entry.status === null ? 'no answer' : String(entry.status);
  const word = entry.status === 403 ? 'Refused' : 'Failed';
  return entry.error === null ? `${word} (${status})` : `${word} (${status}): ${entry.error}`;
}
