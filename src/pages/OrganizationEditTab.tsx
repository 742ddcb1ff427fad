// The Edit tab: the form over the organization as loaded, the lost-update check before each
// save, the optimistic save, and the failure shown beside the form with a retry.
import { useCallback, useState } from 'react';
import type { Organization } from '../api/organizations.ts';
import { isApiError } from '../api/client.ts';
import { LostUpdateModal } from '../components/organizations/form/LostUpdateModal.tsx';
import { OrganizationEditForm } from '../components/organizations/form/OrganizationEditForm.tsx';
import {
  useFetchLatestOrganization,
  useUpdateOrganization,
} from '../hooks/useOrganizationMutations.ts';
import {
  formValuesFromOrganization,
  updateRequestFromForm,
  type OrganizationFormOutput,
  type OrganizationFormValues,
} from '../lib/organizationForm.ts';
import { changedFields, type FieldVersions } from '../lib/organizationFormChanges.ts';

interface OrganizationEditTabProps {
  chatbotId: string;
  organization: Organization;
  disabledReason: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
}

interface Attempt {
  values: OrganizationFormOutput;
  typed: OrganizationFormValues;
}

interface Conflict extends Attempt {
  latest: Organization;
  fields: FieldVersions[];
}

function failureText(error: unknown): string {
  return isApiError(error) ? error.message : 'The organization could not be saved.';
}

export function OrganizationEditTab({
  chatbotId,
  organization,
  disabledReason,
  onDirtyChange,
}: OrganizationEditTabProps) {
  // What the form opened with: moves only when a save succeeds or the user takes the other
  // version, never when the cached organization changes underneath (that is what the
  // lost-update check is for).
  const [baseline, setBaseline] = useState(organization);
  const [failure, setFailure] = useState<string>();
  const [lastAttempt, setLastAttempt] = useState<Attempt>();
  const [conflict, setConflict] = useState<Conflict>();
  const [checking, setChecking] = useState(false);
  const update = useUpdateOrganization(chatbotId);
  const fetchLatest = useFetchLatestOrganization(chatbotId);

  const send = useCallback(
    (attempt: Attempt, base: Organization, scope: 'changed' | 'all') => {
      setLastAttempt(attempt);
      update.mutate(
        {
          current: base,
          organization: updateRequestFromForm(
            attempt.values,
            formValuesFromOrganization(base),
            scope,
          ),
        },
        {
          onSuccess: (response) => {
            setConflict(undefined);
            setFailure(response.error);
            if (response.organization) setBaseline(response.organization);
          },
          onError: (error) => {
            setConflict(undefined);
            setFailure(failureText(error));
          },
        },
      );
    },
    [update],
  );

  const save = useCallback(
    async (values: OrganizationFormOutput, typed: OrganizationFormValues) => {
      setFailure(undefined);
      setChecking(true);
      let latest: Organization | undefined;
      try {
        latest = await fetchLatest(baseline.id);
      } catch (error) {
        setLastAttempt({ values, typed });
        setFailure(failureText(error));
        return;
      } finally {
        setChecking(false);
      }
      if (latest && latest.updated !== baseline.updated) {
        const fields = changedFields(
          formValuesFromOrganization(baseline),
          typed,
          formValuesFromOrganization(latest),
        );
        setConflict({ values, typed, latest, fields });
        return;
      }
      send({ values, typed }, latest ?? baseline, 'changed');
    },
    [baseline, fetchLatest, send],
  );

  return (
    <>
      <OrganizationEditForm
        key={`${baseline.id}@${baseline.updated}`}
        baseline={baseline}
        saving={update.isPending || checking}
        disabledReason={disabledReason}
        failure={failure}
        onRetry={
          lastAttempt && failure !== undefined
            ? () => void save(lastAttempt.values, lastAttempt.typed)
            : undefined
        }
        onSave={(values, typed) => void save(values, typed)}
        onDirtyChange={onDirtyChange}
      />
      <LostUpdateModal
        opened={conflict !== undefined}
        fields={conflict?.fields ?? []}
        saving={update.isPending}
        onCancel={() => setConflict(undefined)}
        onDiscard={() => {
          if (!conflict) return;
          setConflict(undefined);
          setFailure(undefined);
          setBaseline(conflict.latest);
        }}
        onOverwrite={() => {
          if (!conflict) return;
          send(conflict, conflict.latest, 'all');
        }}
      />
    </>
  );
}
