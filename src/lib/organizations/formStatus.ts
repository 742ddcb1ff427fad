// The line beside a form's Save button: what Save would do, or why it cannot yet.
import { ADDRESS_LABELS } from './organizationFormChanges.ts';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  email: 'Email',
  website: 'Website',
  size: 'Size',
  industry: 'Industry',
  phoneNumber: 'Phone number',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The labels of the fields with an error, in form order, from react-hook-form's `errors`. */
export function invalidFieldLabels(errors: Record<string, unknown>): string[] {
  const labels: string[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS)) {
    if (isRecord(errors[field])) labels.push(label);
  }
  const address = errors.address;
  if (isRecord(address)) {
    for (const [field, label] of Object.entries(ADDRESS_LABELS)) {
      if (isRecord(address[field])) labels.push(label);
    }
  }
  const variables = errors.variables;
  if (Array.isArray(variables)) {
    variables.forEach((row: unknown, index) => {
      if (isRecord(row) && (isRecord(row.key) || isRecord(row.value))) {
        labels.push(`Variable ${index + 1}`);
      }
    });
  }
  return labels;
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

export interface FormStatusInput {
  saving: boolean;
  /** The form opened right after its changes were saved. */
  justSaved: boolean;
  changedCount: number;
  invalidLabels: readonly string[];
  /** What Save is called in words ("save", "create the organization"). */
  action: string;
  shortcut: string;
  /** Said when nothing is changed (default: "No unsaved changes."). */
  idle?: string;
}

export function formStatusText({
  saving,
  justSaved,
  changedCount,
  invalidLabels,
  action,
  shortcut,
  idle = 'No unsaved changes.',
}: FormStatusInput): string {
  if (saving) return 'Saving…';
  if (invalidLabels.length > 0) {
    return `Fix ${plural(invalidLabels.length, 'field', 'fields')} to ${action}: ${invalidLabels.join(', ')}.`;
  }
  if (changedCount === 0) return justSaved ? 'Changes saved.' : idle;
  return `${plural(changedCount, 'unsaved change', 'unsaved changes')}, kept in this browser until saved or discarded. ${shortcut} to ${action}.`;
}
