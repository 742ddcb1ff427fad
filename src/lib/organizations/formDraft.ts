// Drafts of the organization forms, kept in the browser while a form holds unsaved changes, so
// that nothing typed is lost to a reload, a crash, an outage or an expired session. One draft per
// chatbot and organization ("new" for the create form); it records the version (`updated`) it
// was made on, so a draft older than the stored record is offered for review, never applied.
import { ADDRESS_FIELDS } from './addressFields.ts';
import type { OrganizationFormValues, VariableRow } from './organizationForm.ts';

const PREFIX = 'organizations-console:draft:v1:';

/** The create form's draft has no organization yet. */
export const NEW_ORGANIZATION = 'new';

export interface FormDraft<Values extends OrganizationFormValues = OrganizationFormValues> {
  /** When it was last written (ms since the epoch). */
  savedAtMs: number;
  /** The stored record's `updated` the form opened with; null for a new organization. */
  baseUpdated: string | null;
  /** The values the form opened with (to tell what the user changed). */
  base: Values;
  /** What the form held. */
  values: Values;
}

export function draftKey(chatbotId: string, organizationId: string): string {
  return `${PREFIX}${encodeURIComponent(chatbotId)}:${encodeURIComponent(organizationId)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TEXT_FIELDS = ['name', 'email', 'website', 'size', 'industry'] as const;

function isVariableRow(value: unknown): value is VariableRow {
  return isRecord(value) && typeof value.key === 'string' && typeof value.value === 'string';
}

/** Whether `value` has the shape of form values (storage is not trusted: another version wrote it). */
function isFormValues(
  value: unknown,
  extraText: readonly string[],
): value is OrganizationFormValues {
  if (!isRecord(value)) return false;
  const address = value.address;
  return (
    [...TEXT_FIELDS, ...extraText].every((field) => typeof value[field] === 'string') &&
    isRecord(address) &&
    ADDRESS_FIELDS.every((field) => typeof address[field] === 'string') &&
    Array.isArray(value.variables) &&
    value.variables.every(isVariableRow)
  );
}

/** A stored draft, or undefined when there is none or it cannot be read as one. */
export function parseDraft<Values extends OrganizationFormValues>(
  text: string | null,
  extraText: readonly string[] = [],
): FormDraft<Values> | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !isRecord(value) ||
    typeof value.savedAtMs !== 'number' ||
    !(value.baseUpdated === null || typeof value.baseUpdated === 'string') ||
    !isFormValues(value.base, extraText) ||
    !isFormValues(value.values, extraText)
  ) {
    return undefined;
  }
  return value as unknown as FormDraft<Values>;
}

/** The draft was made on another version of the record than the one stored now. */
export function isDraftOutdated(draft: FormDraft, storedUpdated: string | null): boolean {
  return draft.baseUpdated !== storedUpdated;
}

/** Reads, writes and removes drafts; every failure of the storage (full, blocked) is quiet. */
export interface DraftStorage {
  read(key: string): string | null;
  write(key: string, text: string): boolean;
  remove(key: string): void;
}

export function browserDraftStorage(): DraftStorage {
  return {
    read(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(key, text) {
      try {
        window.localStorage.setItem(key, text);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing to do: a storage that cannot be read holds no draft for us.
      }
    },
  };
}
