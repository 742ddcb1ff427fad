// Saving the Edit tab's form: the lost-update check first (the organization read again; changed
// since the form opened, the person chooses between the versions), then the optimistic save, its
// failure said beside the form with a retry, and a toast once it is saved.
import { useState } from 'react';
import type {
  Organization,
  UpdateOrganizationBody,
} from '../../api/organizations/organizations.ts';
import {
  formValuesFromOrganization,
  trimFormValues,
  updateRequestFromForm,
  type OrganizationFormOutput,
  type OrganizationFormValues,
} from '../../lib/organizations/organizationForm.ts';
import {
  changedFields,
  type FieldVersions,
} from '../../lib/organizations/organizationFormChanges.ts';
import { mergeChanges } from '../../lib/organizations/organizationFormMerge.ts';
import { saveFailureText } from '../../lib/organizations/saveFailure.ts';
import { showToast } from '../shell/useToasts.ts';
import { useFetchLatestOrganization, useUpdateOrganization } from './useOrganizationMutations.ts';

interface Attempt {
  values: OrganizationFormOutput;
  typed: OrganizationFormValues;
}

/** The organization changed since the form opened: what the person typed and the newest version. */
export interface SaveConflict extends Attempt {
  latest: Organization;
  fields: FieldVersions[];
}

/**
 * `baseline`: the organization as the form opened it, and its form values; `onSaved`: the stored
 * organization once a save succeeded (the form opens on it afresh).
 */
export function useOrganizationSave(
  chatbotId: string,
  baseline: Organization,
  baselineValues: OrganizationFormValues,
  onSaved: (saved: Organization) => void,
) {
  const [failure, setFailure] = useState<string>();
  const [lastAttempt, setLastAttempt] = useState<Attempt>();
  const [conflict, setConflict] = useState<SaveConflict>();
  const [checking, setChecking] = useState(false);
  const update = useUpdateOrganization(chatbotId);
  const fetchLatest = useFetchLatestOrganization(chatbotId);

  const send = (attempt: Attempt, current: Organization, body: UpdateOrganizationBody) => {
    setLastAttempt(attempt);
    update.mutate(
      { current, organization: body },
      {
        onSuccess: (response) => {
          setConflict(undefined);
          setFailure(response.error);
          const saved = response.organization;
          if (!saved) return;
          onSaved(saved);
          showToast({
            color: 'green',
            title: 'Saved',
            message: `Changes to “${saved.name === '' ? '(no name)' : saved.name}” are saved.`,
          });
        },
        onError: (error) => {
          setConflict(undefined);
          setFailure(saveFailureText(error));
        },
      },
    );
  };

  const save = async (values: OrganizationFormOutput, typed: OrganizationFormValues) => {
    setFailure(undefined);
    setChecking(true);
    let latest: Organization | undefined;
    try {
      latest = await fetchLatest(baseline.id);
    } catch (error) {
      setLastAttempt({ values, typed });
      setFailure(saveFailureText(error));
      return;
    } finally {
      setChecking(false);
    }
    if (latest && latest.updated !== baseline.updated) {
      const fields = changedFields(baselineValues, typed, formValuesFromOrganization(latest));
      setConflict({ values, typed, latest, fields });
      return;
    }
    const current = latest ?? baseline;
    send(
      { values, typed },
      current,
      updateRequestFromForm(values, formValuesFromOrganization(current), 'changed'),
    );
  };

  return {
    save,
    /** Checking for a newer version or saving. */
    saving: update.isPending || checking,
    /** Sending the update (the conflict's Overwrite waits on it). */
    sending: update.isPending,
    /** Why the last save failed; undefined when it did not. */
    failure,
    /** Tries the failed save again; undefined when there is nothing to retry. */
    retry:
      lastAttempt && failure !== undefined
        ? () => void save(lastAttempt.values, lastAttempt.typed)
        : undefined,
    conflict,
    /** Back to the form, as typed, without saving. */
    cancelConflict: () => setConflict(undefined),
    /** The newest version is taken instead of what was typed: returns it. */
    dropForLatest: (): Organization | undefined => {
      if (!conflict) return undefined;
      setConflict(undefined);
      setFailure(undefined);
      return conflict.latest;
    },
    /** Only what the person changed, on top of the newest stored version. */
    overwrite: () => {
      if (!conflict) return;
      const latestValues = formValuesFromOrganization(conflict.latest);
      const merged = trimFormValues(mergeChanges(baselineValues, conflict.typed, latestValues));
      send(conflict, conflict.latest, updateRequestFromForm(merged, latestValues, 'changed'));
    },
  };
}
