// What the person chose on the merge page, on top of the defaults (mergePlan.ts: mergeDefaults):
// the record that stays (offered: the one with the most contacts, since contacts cannot be moved)
// and, where the records differ, the record whose value is kept.
import type { Organization } from '../../api/types.ts';
import { mergeDefaults, type MergeChoices } from './mergePlan.ts';

/** The values picked by hand, per field and per variable key: each a record's id. */
export type MergePicks = Pick<MergeChoices, 'fields' | 'variables'>;

export const NO_PICKS: MergePicks = { fields: {}, variables: {} };

const VARIABLE_PREFIX = 'variables.';

/** The record with the most contacts, then the oldest: its contacts stay where they are. */
export function likelySurvivor(
  records: readonly Organization[],
  contacts: ReadonlyMap<string, number | undefined>,
): string | undefined {
  return [...records].sort(
    (a, b) =>
      (contacts.get(b.id) ?? 0) - (contacts.get(a.id) ?? 0) ||
      Date.parse(a.created) - Date.parse(b.created),
  )[0]?.id;
}

/** `field` is `name`, `address.country`… or `variables.<key>`. */
export function withPick(picks: MergePicks, field: string, recordId: string): MergePicks {
  return field.startsWith(VARIABLE_PREFIX)
    ? {
        ...picks,
        variables: { ...picks.variables, [field.slice(VARIABLE_PREFIX.length)]: recordId },
      }
    : { ...picks, fields: { ...picks.fields, [field]: recordId } };
}

/** The merge's choices: the defaults for the survivor, overridden by the picks; null with none. */
export function mergeChoices(
  records: readonly Organization[],
  survivorId: string | undefined,
  picks: MergePicks,
): MergeChoices | null {
  if (survivorId === undefined) return null;
  const defaults = mergeDefaults(records, survivorId);
  return {
    survivorId: defaults.survivorId,
    fields: { ...defaults.fields, ...picks.fields },
    variables: { ...defaults.variables, ...picks.variables },
  };
}
