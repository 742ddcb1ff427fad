// ROUTES.newOrganization (src/routes.ts): the create form, its draft kept in the browser; on
// success the new organization's page (and the organization at the top of the list, which the
// mutation put there).
import { useCallback, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { DraftNotice } from '../../components/organizations/form/DraftNotice.tsx';
import { OrganizationCreateForm } from '../../components/organizations/form/OrganizationCreateForm.tsx';
import { UnsavedChangesGuard } from '../../components/organizations/form/UnsavedChangesGuard.tsx';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { showToast } from '../../hooks/shell/useToasts.ts';
import { useFormDraft, writeDraft } from '../../hooks/organizations/useFormDraft.ts';
import { useCreateOrganization } from '../../hooks/organizations/useOrganizationMutations.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { NEW_ORGANIZATION } from '../../lib/organizations/formDraft.ts';
import {
  createRequestFromForm,
  emptyCreateFormValues,
  formValuesFromOrganization,
  variablesFromRows,
  type CreateOrganizationFormValues,
} from '../../lib/organizations/organizationForm.ts';
import { sameFormValues } from '../../lib/organizations/organizationFormMerge.ts';
import { timeAgo } from '../../lib/shared/relativeTime.ts';
import { organizationPath, organizationsPath } from '../../routes.ts';

const EXTRA_FIELDS = ['phoneNumber'] as const;
const EMPTY = emptyCreateFormValues();

function isEmpty(values: CreateOrganizationFormValues): boolean {
  return sameFormValues(values, EMPTY) && values.phoneNumber.trim() === '';
}

function createFailureText(error: unknown): string {
  if (isApiError(error) && error.kind === 'network') {
    return 'The console server could not be reached, so nothing was created. Press Create organization again once it is back (the banner above says when).';
  }
  return isApiError(error) ? error.message : 'The organization could not be created.';
}

export function NewOrganizationPage() {
  const chatbotId = useParams().chatbotId ?? '';
  const navigate = useNavigate();
  const create = useCreateOrganization(chatbotId);
  const denials = useWriteAccess(chatbotId);
  const draft = useFormDraft<CreateOrganizationFormValues>({
    chatbotId,
    organizationId: NEW_ORGANIZATION,
    extraFields: EXTRA_FIELDS,
  });
  // "5 min. ago": when the kept draft was written, said once as the page opens.
  const [restoredAgo, setRestoredAgo] = useState(() =>
    draft.found === undefined ? undefined : timeAgo(draft.found.savedAtMs),
  );
  const [formVersion, setFormVersion] = useState(0);

  const formDirty = useRef(false);
  const leavingOnPurpose = useRef(false);
  const onDirtyChange = useCallback((dirty: boolean) => {
    formDirty.current = dirty;
  }, []);
  const shouldBlock = useCallback(() => formDirty.current && !leavingOnPurpose.current, []);

  const { keep, remove } = draft;
  const onChange = useCallback(
    (typed: CreateOrganizationFormValues) => {
      if (isEmpty(typed)) remove();
      else keep(EMPTY, typed, null);
    },
    [keep, remove],
  );

  const failure =
    create.error === null ? create.data?.response.error : createFailureText(create.error);

  return (
    <PageLayout title="New organization">
      <UnsavedChangesGuard
        shouldBlock={shouldBlock}
        shouldWarnOnUnload={shouldBlock}
        onDiscard={() => {
          formDirty.current = false;
          remove();
        }}
      />
      <OrganizationCreateForm
        key={formVersion}
        initialValues={formVersion === 0 ? draft.found?.values : undefined}
        saving={create.isPending}
        disabledReason={denials.createOrganization}
        failure={failure}
        onCancel={() => void navigate(organizationsPath(chatbotId))}
        onChange={onChange}
        onDirtyChange={onDirtyChange}
        notice={
          restoredAgo === undefined ? undefined : (
            <DraftNotice
              discardLabel="Start empty"
              onDiscard={() => {
                remove();
                setRestoredAgo(undefined);
                setFormVersion((version) => version + 1);
              }}
            >
              What you entered {restoredAgo} is back, as this browser kept it.
            </DraftNotice>
          )
        }
        onCreate={(values) =>
          create.mutate(
            {
              body: createRequestFromForm(values),
              variables: variablesFromRows(values.variables),
            },
            {
              onSuccess: ({ response, variablesError }) => {
                const created = response.organization;
                if (!created) return;
                leavingOnPurpose.current = true;
                remove();
                const name = created.name === '' ? '(no name)' : created.name;
                if (variablesError === undefined) {
                  showToast({ color: 'green', title: 'Created', message: `“${name}” is created.` });
                  void navigate(organizationPath(chatbotId, created.id), { replace: true });
                  return;
                }
                // Created without its variables: they wait in the edit form, as a draft.
                const base = formValuesFromOrganization(created);
                writeDraft(chatbotId, created.id, {
                  savedAtMs: Date.now(),
                  baseUpdated: created.updated,
                  base,
                  values: { ...base, variables: values.variables },
                });
                showToast({
                  color: 'yellow',
                  title: 'Created without its variables',
                  message: `“${name}” is created, but its variables were not saved (${
                    isApiError(variablesError) ? variablesError.reason : 'an error'
                  }). They are in the edit form: press Save changes to try again.`,
                });
                void navigate(organizationPath(chatbotId, created.id, 'edit'), { replace: true });
              },
            },
          )
        }
      />
    </PageLayout>
  );
}
