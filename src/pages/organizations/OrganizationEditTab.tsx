// The Edit tab: the form over the organization as loaded, its draft kept in the browser, the
// lost-update check before each save, the optimistic save, and the failure shown beside the form
// with a retry.
import { useCallback, useMemo, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type {
  Organization,
  UpdateOrganizationBody,
} from '../../api/organizations/organizations.ts';
import { DraftNotice } from '../../components/organizations/form/DraftNotice.tsx';
import { DraftReview } from '../../components/organizations/form/DraftReview.tsx';
import { LostUpdateModal } from '../../components/organizations/form/LostUpdateModal.tsx';
import { OrganizationEditForm } from '../../components/organizations/form/OrganizationEditForm.tsx';
import { showToast } from '../../hooks/shell/useToasts.ts';
import { useFormDraft } from '../../hooks/organizations/useFormDraft.ts';
import {
  useFetchLatestOrganization,
  useUpdateOrganization,
} from '../../hooks/organizations/useOrganizationMutations.ts';
import { isDraftOutdated, type FormDraft } from '../../lib/organizations/formDraft.ts';
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
import { mergeChanges, sameFormValues } from '../../lib/organizations/organizationFormMerge.ts';
import { timeAgo } from '../../lib/shared/relativeTime.ts';

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

/** How the form opened: afresh, from a draft of this version, or from a draft awaiting review. */
type Opening =
  | { kind: 'fresh' }
  | { kind: 'restored'; savedAgo: string }
  | { kind: 'applied' }
  | { kind: 'review'; draft: FormDraft; savedAgo: string };

/** What a failed save says: an outage in its own words, since nothing is lost by it. */
export function saveFailureText(error: unknown): string {
  if (isApiError(error) && error.kind === 'network') {
    return 'The console server could not be reached, so nothing was saved. Press Retry once it is back (the banner above says when).';
  }
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
  const baselineValues = useMemo(() => formValuesFromOrganization(baseline), [baseline]);
  const draft = useFormDraft({ chatbotId, organizationId: organization.id });
  const [opening, setOpening] = useState<Opening>(() => {
    const found = draft.found;
    if (found === undefined) return { kind: 'fresh' };
    const savedAgo = timeAgo(found.savedAtMs);
    if (isDraftOutdated(found, organization.updated)) {
      return { kind: 'review', draft: found, savedAgo };
    }
    return { kind: 'restored', savedAgo };
  });
  // The values the current form instance opens with; `formVersion` remounts it.
  const [openWith, setOpenWith] = useState<OrganizationFormValues | undefined>(() =>
    opening.kind === 'restored' ? draft.found?.values : undefined,
  );
  const [formVersion, setFormVersion] = useState(0);
  const [justSaved, setJustSaved] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [lastAttempt, setLastAttempt] = useState<Attempt>();
  const [conflict, setConflict] = useState<Conflict>();
  const [checking, setChecking] = useState(false);
  const update = useUpdateOrganization(chatbotId);
  const fetchLatest = useFetchLatestOrganization(chatbotId);

  const restart = (values: OrganizationFormValues | undefined) => {
    setJustSaved(false);
    setOpenWith(values);
    setFormVersion((version) => version + 1);
  };

  const { keep, remove } = draft;
  const onFormChange = useCallback(
    (typed: OrganizationFormValues) => {
      if (sameFormValues(typed, baselineValues)) remove();
      else keep(baselineValues, typed, baseline.updated);
    },
    [baselineValues, baseline.updated, keep, remove],
  );

  const send = useCallback(
    (attempt: Attempt, current: Organization, body: UpdateOrganizationBody) => {
      setLastAttempt(attempt);
      update.mutate(
        { current, organization: body },
        {
          onSuccess: (response) => {
            setConflict(undefined);
            setFailure(response.error);
            const saved = response.organization;
            if (!saved) return;
            remove();
            setBaseline(saved);
            setOpening({ kind: 'fresh' });
            setOpenWith(undefined);
            setJustSaved(true);
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
    },
    [update, remove],
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
    },
    [baseline, baselineValues, fetchLatest, send],
  );

  if (opening.kind === 'review') {
    const found = opening.draft;
    return (
      <DraftReview
        savedAgo={opening.savedAgo}
        fields={changedFields(found.base, found.values, baselineValues)}
        onApply={() => {
          const merged = mergeChanges(found.base, found.values, baselineValues);
          keep(baselineValues, merged, baseline.updated);
          setOpening({ kind: 'applied' });
          restart(merged);
        }}
        onDiscard={() => {
          remove();
          setOpening({ kind: 'fresh' });
          restart(undefined);
        }}
      />
    );
  }

  const notice =
    opening.kind === 'fresh' ? undefined : (
      <DraftNotice
        discardLabel="Discard them"
        onDiscard={() => {
          remove();
          setOpening({ kind: 'fresh' });
          restart(undefined);
        }}
      >
        {opening.kind === 'restored'
          ? `Your unsaved changes from ${opening.savedAgo} are back, as this browser kept them.`
          : 'Your changes are applied to the current version. Check them, then save.'}
      </DraftNotice>
    );

  return (
    <>
      <OrganizationEditForm
        key={`${baseline.id}@${baseline.updated}#${formVersion}`}
        baseline={baseline}
        initialValues={openWith}
        saving={update.isPending || checking}
        disabledReason={disabledReason}
        failure={failure}
        onRetry={
          lastAttempt && failure !== undefined
            ? () => void save(lastAttempt.values, lastAttempt.typed)
            : undefined
        }
        onSave={(values, typed) => {
          setJustSaved(false);
          void save(values, typed);
        }}
        onChange={onFormChange}
        onDirtyChange={onDirtyChange}
        onReset={() => {
          remove();
          setOpening({ kind: 'fresh' });
        }}
        notice={notice}
        justSaved={justSaved}
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
          remove();
          setOpening({ kind: 'fresh' });
          setOpenWith(undefined);
          setBaseline(conflict.latest);
        }}
        onOverwrite={() => {
          if (!conflict) return;
          // Only what the user changed, on top of the newest stored version.
          const latestValues = formValuesFromOrganization(conflict.latest);
          const merged = trimFormValues(mergeChanges(baselineValues, conflict.typed, latestValues));
          send(conflict, conflict.latest, updateRequestFromForm(merged, latestValues, 'changed'));
        }}
      />
    </>
  );
}
