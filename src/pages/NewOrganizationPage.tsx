// `/chatbots/:chatbotId/organizations/new`: the create form; on success the new organization's
// page (and the organization at the top of the list, which the mutation put there).
import { useCallback, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { OrganizationCreateForm } from '../components/organizations/form/OrganizationCreateForm.tsx';
import { UnsavedChangesGuard } from '../components/organizations/form/UnsavedChangesGuard.tsx';
import { PageLayout } from '../components/shell/PageLayout.tsx';
import { useCreateOrganization } from '../hooks/useOrganizationMutations.ts';
import { useWriteAccess } from '../hooks/useWriteAccess.ts';
import { createRequestFromForm } from '../lib/organizationForm.ts';
import { organizationListPath, organizationPath } from './OrganizationPage.tsx';

export function NewOrganizationPage() {
  const chatbotId = useParams().chatbotId ?? '';
  const navigate = useNavigate();
  const create = useCreateOrganization(chatbotId);
  const denials = useWriteAccess(chatbotId);

  const formDirty = useRef(false);
  const leavingOnPurpose = useRef(false);
  const onDirtyChange = useCallback((dirty: boolean) => {
    formDirty.current = dirty;
  }, []);
  const shouldBlock = useCallback(() => formDirty.current && !leavingOnPurpose.current, []);

  const failure = create.error === null ? create.data?.error : create.error.message;

  return (
    <PageLayout title="New organization">
      <UnsavedChangesGuard shouldBlock={shouldBlock} />
      <OrganizationCreateForm
        saving={create.isPending}
        disabledReason={denials.createOrganization}
        failure={failure}
        onCancel={() => void navigate(organizationListPath(chatbotId))}
        onDirtyChange={onDirtyChange}
        onCreate={(values) =>
          create.mutate(createRequestFromForm(values), {
            onSuccess: (response) => {
              const created = response.organization;
              if (!created) return;
              leavingOnPurpose.current = true;
              void navigate(organizationPath(chatbotId, created.id), { replace: true });
            },
          })
        }
      />
    </PageLayout>
  );
}
