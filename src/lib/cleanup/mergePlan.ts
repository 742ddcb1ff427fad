// Merging likely duplicates (issue 15, item 4), as pure logic: from two or more organizations, the
// one that stays (the survivor), a choice of record per field and per conflicting variable, and
// each other record's contact count, the update the survivor gets (only what changes, checked by
// the edit form's rules) and what happens to every other record. The API cannot move contacts,
// so a record with contacts is never deleted: it is kept and marked `duplicateOf` = the survivor.
import type { Organization, UpdateOrganizationBody } from '../../api/types.ts';
import { fieldLabel, fieldValue } from './findingFields.ts';
import {
  isFormEmail,
  sizeProblem,
  websiteProblem,
} from '../organizations/organizationFormRules.ts';

/** The variable a kept duplicate is marked with; never merged into the survivor. */
export const DUPLICATE_OF = 'duplicateOf';

export const MERGE_FIELDS = [
  'name',
  'email',
  'website',
  'size',
  'industry',
  'address.street',
  'address.houseNumber',
  'address.zipcode',
  'address.location',
  'address.country',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface MergeChoices {
  survivorId: string;
  /** Per field, the id of the record whose value the survivor keeps (default: mergeDefaults). */
  fields: Partial<Record<MergeField, string>>;
  /** Per variable key whose values differ, the id of the record whose value is kept. */
  variables: Record<string, string>;
}

/** One row of the comparison: a field or a variable, each record's value. */
export interface MergeRow {
  /** `name`, `address.country`… or `variables.<key>`. */
  field: string;
  label: string;
  values: { recordId: string; value: string; has: boolean }[];
  /** Whether the records hold more than one distinct value (a choice to make). */
  conflicting: boolean;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  /** The record the new value comes from. */
  fromId: string;
}

export type OtherOutcome =
  | { kind: 'delete'; record: Organization }
  | {
      kind: 'mark';
      record: Organization;
      /** Why it is kept: it has contacts (the API cannot move them), or the role may not delete. */
      reason: 'contacts' | 'role';
      contacts: number;
      update: UpdateOrganizationBody;
    };

export interface MergePlan {
  survivor: Organization;
  /** The survivor's update, null when nothing changes. */
  update: UpdateOrganizationBody | null;
  changes: FieldChange[];
  others: OtherOutcome[];
  /** What stops the merge (a chosen value the edit form would refuse); empty when it can go. */
  problems: string[];
}

const variableField = (key: string) => `variables.${key}`;

function has(record: Organization, field: string): boolean {
  if (field.startsWith('variables.')) {
    return Object.hasOwn(record.variables ?? {}, field.slice('variables.'.length));
  }
  return fieldValue(record, field) !== '';
}

/** The variable keys of every record, in first-seen order, without the duplicate mark. */
function variableKeys(records: readonly Organization[]): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record.variables ?? {})) if (key !== DUPLICATE_OF) keys.add(key);
  }
  return [...keys];
}

/** The comparison's rows: every field, then every variable any record has. */
export function mergeRows(records: readonly Organization[]): MergeRow[] {
  const fields = [...MERGE_FIELDS, ...variableKeys(records).map(variableField)];
  return fields.map((field) => {
    const values = records.map((record) => ({
      recordId: record.id,
      value: fieldValue(record, field),
      has: has(record, field),
    }));
    const distinct = new Set(values.filter((v) => v.has).map((v) => v.value));
    const missing = values.some((v) => !v.has);
    return {
      field,
      label: fieldLabel(field),
      values,
      conflicting: distinct.size > 1 || (distinct.size === 1 && missing && !isVariable(field)),
    };
  });
}

const isVariable = (field: string) => field.startsWith('variables.');

/**
 * The choices a merge starts with: the survivor's own value where it has one, else the first
 * record (in the order given) that has one; a variable only one record has is kept.
 */
export function mergeDefaults(records: readonly Organization[], survivorId: string): MergeChoices {
  const survivor = records.find((record) => record.id === survivorId);
  const ordered = survivor ? [survivor, ...records.filter((r) => r !== survivor)] : [...records];
  const pick = (field: string) => (ordered.find((record) => has(record, field)) ?? ordered[0])?.id;
  const fields: MergeChoices['fields'] = {};
  for (const field of MERGE_FIELDS) {
    const id = pick(field);
    if (id !== undefined) fields[field] = id;
  }
  const variables: Record<string, string> = {};
  for (const key of variableKeys(records)) {
    const id = pick(variableField(key));
    if (id !== undefined) variables[key] = id;
  }
  return { survivorId, fields, variables };
}

function problemOf(field: MergeField, value: string): string | undefined {
  switch (field) {
    case 'name':
      return value.trim() === ''
        ? 'The name cannot be empty: choose a record that has one.'
        : undefined;
    case 'email':
      return value !== '' && !isFormEmail(value)
        ? `“${value}” is not an e-mail address: choose another e-mail, or fix it first.`
        : undefined;
    case 'website': {
      const problem = value === '' ? undefined : websiteProblem(value);
      return problem === undefined ? undefined : `Website: ${problem}`;
    }
    case 'size': {
      const problem = value === '' ? undefined : sizeProblem(value, true);
      return problem === undefined ? undefined : `Size: ${problem}`;
    }
    default:
      return undefined;
  }
}

/**
 * The merge: the survivor's update (the changed fields, `address` whole when a part of it
 * changes, `variables` always whole as the API requires), and for every other record a delete
 * when it has no contacts and the person may delete, else a mark. `contactCounts` must hold every
 * other record's count (read through the API's contacts operation).
 */
export function mergePlan(
  records: readonly Organization[],
  choices: MergeChoices,
  contactCounts: ReadonlyMap<string, number>,
  mayDelete: boolean,
): MergePlan {
  const survivor = records.find((record) => record.id === choices.survivorId);
  if (survivor === undefined) throw new Error('The survivor is not among the records merged.');
  const byId = new Map(records.map((record) => [record.id, record]));
  const source = (id: string | undefined) =>
    id === undefined ? survivor : (byId.get(id) ?? survivor);

  const changes: FieldChange[] = [];
  const problems: string[] = [];
  const update: UpdateOrganizationBody = { variables: {} };
  let address = { ...survivor.address };
  let addressChanged = false;
  for (const field of MERGE_FIELDS) {
    const from = source(choices.fields[field]);
    const before = fieldValue(survivor, field);
    const after = fieldValue(from, field);
    if (before === after) continue;
    changes.push({ field, label: fieldLabel(field), before, after, fromId: from.id });
    const problem = problemOf(field, after);
    if (problem !== undefined) problems.push(problem);
    if (field.startsWith('address.')) {
      address = { ...address, [field.slice('address.'.length)]: after };
      addressChanged = true;
    } else if (field === 'size') {
      if (after !== '') update.size = Number(after);
      else problems.push('Size: the API cannot clear a size; choose a record that has one.');
    } else {
      update[field as 'name' | 'email' | 'website' | 'industry'] = after;
    }
  }
  if (addressChanged) update.address = address;

  const variables: Record<string, string> = { ...survivor.variables };
  for (const key of variableKeys(records)) {
    const from = source(choices.variables[key]);
    const before = Object.hasOwn(survivor.variables ?? {}, key)
      ? survivor.variables[key]
      : undefined;
    const value = Object.hasOwn(from.variables ?? {}, key) ? from.variables[key] : undefined;
    if (value === undefined) delete variables[key];
    else variables[key] = value;
    if (before === value) continue;
    changes.push({
      field: variableField(key),
      label: fieldLabel(variableField(key)),
      before: before ?? '',
      after: value ?? '',
      fromId: from.id,
    });
  }
  update.variables = variables;

  const others: OtherOutcome[] = records
    .filter((record) => record.id !== survivor.id)
    .map((record) => {
      const contacts = contactCounts.get(record.id);
      if (contacts === undefined) throw new Error(`No contact count for ${record.id}.`);
      if (contacts === 0 && mayDelete) return { kind: 'delete', record };
      return {
        kind: 'mark',
        record,
        reason: contacts > 0 ? 'contacts' : 'role',
        contacts,
        update: { variables: { ...record.variables, [DUPLICATE_OF]: survivor.id } },
      };
    });

  return {
    survivor,
    update: changes.length === 0 ? null : update,
    changes,
    others,
    problems,
  };
}
