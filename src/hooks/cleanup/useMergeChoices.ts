// The merge page's choices (lib/cleanup/mergeChoices.ts): the record that stays and the values it
// keeps, and the plan they make once every compared record and its contact count is read.
import { useState } from 'react';
import type { Organization } from '../../api/types.ts';
import {
  likelySurvivor,
  mergeChoices,
  NO_PICKS,
  withPick,
  type MergePicks,
} from '../../lib/cleanup/mergeChoices.ts';
import { mergePlan } from '../../lib/cleanup/mergePlan.ts';

export function useMergeChoices(
  compared: readonly string[],
  records: readonly Organization[],
  contacts: ReadonlyMap<string, number | undefined>,
  mayDelete: boolean,
) {
  const [survivorChoice, setSurvivorChoice] = useState<string | null>(null);
  const [picks, setPicks] = useState<MergePicks>(NO_PICKS);
  const survivorId =
    survivorChoice !== null && compared.includes(survivorChoice)
      ? survivorChoice
      : likelySurvivor(records, contacts);
  const choices = mergeChoices(records, survivorId, picks);
  const allCounted = [...contacts.values()].every((count) => count !== undefined);
  const plan =
    choices !== null && records.length >= 2 && records.length === compared.length && allCounted
      ? mergePlan(records, choices, contacts as ReadonlyMap<string, number>, mayDelete)
      : null;
  return {
    choices,
    /** Null until every compared record and its contact count is read. */
    plan,
    chooseSurvivor: setSurvivorChoice,
    /** `field` is `name`, `address.country`… or `variables.<key>`. */
    pick: (field: string, recordId: string) =>
      setPicks((previous) => withPick(previous, field, recordId)),
  };
}
