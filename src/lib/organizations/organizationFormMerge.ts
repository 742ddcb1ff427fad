// Someone saved the organization while the user was editing (or a draft was made on an older
// version): the user's changes are applied on top of the newest stored record, field by field,
// so the fields they never touched keep what the other person saved.
import {
  ADDRESS_FIELDS,
  trimFormValues,
  variablesFromRows,
  type OrganizationFormValues,
  type VariableRow,
} from './organizationForm.ts';

type ScalarField = 'name' | 'email' | 'website' | 'size' | 'industry';
const SCALAR_FIELDS: readonly ScalarField[] = ['name', 'email', 'website', 'size', 'industry'];

/**
 * The variables of `latest` with the user's own changes made since `base`: added and changed
 * keys take the user's value, keys the user removed are removed, the rest stay as `latest` has
 * them, in `latest`'s order with the user's new keys after.
 */
function mergeVariables(
  base: readonly VariableRow[],
  mine: readonly VariableRow[],
  latest: readonly VariableRow[],
): VariableRow[] {
  const before = new Map(Object.entries(variablesFromRows(base)));
  const after = new Map(Object.entries(variablesFromRows(mine)));
  const merged = new Map(Object.entries(variablesFromRows(latest)));
  for (const [key, value] of after) {
    if (before.get(key) !== value) merged.set(key, value);
  }
  for (const key of before.keys()) {
    if (!after.has(key)) merged.delete(key);
  }
  return [...merged].map(([key, value]) => ({ key, value }));
}

/**
 * `latest` with what the user changed between `base` (the version the form opened with) and
 * `mine` (what the form holds): each field the user changed takes their value (where both
 * changed one, theirs is overwritten by the user's, who asked for it), every other field keeps
 * `latest`'s. Compared trimmed, as they are sent.
 */
export function mergeChanges(
  base: OrganizationFormValues,
  mine: OrganizationFormValues,
  latest: OrganizationFormValues,
): OrganizationFormValues {
  const before = trimFormValues(base);
  const after = trimFormValues(mine);
  const merged: OrganizationFormValues = {
    ...latest,
    address: { ...latest.address },
    variables: mergeVariables(base.variables, mine.variables, latest.variables),
  };
  for (const field of SCALAR_FIELDS) {
    if (after[field] !== before[field]) merged[field] = mine[field];
  }
  for (const field of ADDRESS_FIELDS) {
    if (after.address[field] !== before.address[field]) {
      merged.address[field] = mine.address[field];
    }
  }
  return merged;
}

/** Whether two sets of form values would send the same (trimmed, variables as a map). */
export function sameFormValues(a: OrganizationFormValues, b: OrganizationFormValues): boolean {
  const x = trimFormValues(a);
  const y = trimFormValues(b);
  return (
    SCALAR_FIELDS.every((field) => x[field] === y[field]) &&
    ADDRESS_FIELDS.every((field) => x.address[field] === y.address[field]) &&
    x.variables.length === y.variables.length &&
    x.variables.every(
      (row, index) =>
        row.key === y.variables[index]?.key && row.value === y.variables[index]?.value,
    )
  );
}
