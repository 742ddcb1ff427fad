// The Edit tab: the form over the organization as loaded, its draft kept in the browser (offered
// for review when the organization changed since: lib/organizations/editOpening.ts), and its save
// (hooks/organizations/useOrganizationSave.ts: the lost-update check, the optimistic save, the
// failure shown beside the form with a retry).
import { useCallback, useMemo, useState } from 'react';
import type { Organization } from '../../api/organizations/organizations.ts';
import { DraftNotice } from '../../components/organizations/form/DraftNotice.tsx';
import { DraftReview } from '../../components/organizations/form/DraftReview.tsx';
import { LostUpdateModal } from '../../components/organizations/form/LostUpdateModal.tsx';
import { OrganizationEditForm } from '../../components/organizations/form/OrganizationEditForm.tsx';
import { useFormDraft } from '../../hooks/organizations/useFormDraft.ts';
import { useOrganizationSave } from '../../hooks/organizations/useOrganizationSave.ts';
import { editOpening, type EditOpening } from '../../lib/organizations/editOpening.ts';
import {
  formValuesFromOrganization,
  type OrganizationFormValues,
} from '../../lib/organizations/organizationForm.ts';
import { changedFields } from '../../lib/organizations/organizationFormChanges.ts';
import { mergeChanges, sameFormValues } from '../../lib/organizations/organizationFormMerge.ts';

interface OrganizationEditTabProps {
  chatbotId: string;
  organization: Organization;
  disabledReason: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
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
  const [opening, setOpening] = useState<EditOpening>(() =>
    editOpening(draft.found, organization.updated),
  );
  // The values the current form instance opens with; `formVersion` remounts it.
  const [openWith, setOpenWith] = useState<OrganizationFormValues | undefined>(() =>
    opening.kind === 'restored' ? draft.found?.values : undefined,
  );
  const [formVersion, setFormVersion] = useState(0);
  const [justSaved, setJustSaved] = useState(false);

  const { keep, remove } = draft;
  /** The form opens afresh on `stored` (saved, or taken as the newer version). */
  const openOn = (stored: Organization) => {
    remove();
    setBaseline(stored);
    setOpening({ kind: 'fresh' });
    setOpenWith(undefined);
  };
  const saving = useOrganizationSave(chatbotId, baseline, baselineValues, (saved) => {
    openOn(saved);
    setJustSaved(true);
  });

  const restart = (values: OrganizationFormValues | undefined) => {
    setJustSaved(false);
    setOpenWith(values);
    setFormVersion((version) => version + 1);
  };
  const discardDraft = () => {
    remove();
    setOpening({ kind: 'fresh' });
    restart(undefined);
  };

  const onFormChange = useCallback(
    (typed: OrganizationFormValues) => {
      if (sameFormValues(typed, baselineValues)) remove();
      else keep(baselineValues, typed, baseline.updated);
    },
    [baselineValues, baseline.updated, keep, remove],
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
        onDiscard={discardDraft}
      />
    );
  }

  const notice =
    opening.kind === 'fresh' ? undefined : (
      <DraftNotice discardLabel="Discard them" onDiscard={discardDraft}>
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
        saving={saving.saving}
        disabledReason={disabledReason}
        failure={saving.failure}
        onRetry={saving.retry}
        onSave={(values, typed) => {
          setJustSaved(false);
          void saving.save(values, typed);
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
        opened={saving.conflict !== undefined}
        fields={saving.conflict?.fields ?? []}
        saving={saving.sending}
        onCancel={saving.cancelConflict}
        onDiscard={() => {
          const latest = saving.dropForLatest();
          if (latest) openOn(latest);
        }}
        onOverwrite={saving.overwrite}
      />
    </>
  );
}
