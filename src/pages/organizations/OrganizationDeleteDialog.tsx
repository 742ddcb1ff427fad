import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { DeleteOrganizationModal } from '../../components/organizations/detail/DeleteOrganizationModal.tsx';
import { removeDraft } from '../../hooks/organizations/useFormDraft.ts';
import { useDeleteOrganization } from '../../hooks/organizations/useOrganizationMutations.ts';
import { showToast } from '../../hooks/shell/useToasts.ts';
import type { Organization } from '../../lib/shared/apiTypes.ts';

interface OrganizationDeleteDialogProps {
  chatbotId: string;
  organization: Organization;
  contactCount: number | undefined;
  opened: boolean;
  onClose: () => void;
  /** Deleted: the page is about to leave on purpose (its unsaved-changes guard lets it go). */
  onDeleted: () => void;
  listPath: string;
}

/**
 * Deleting the organization: the dialog, the request, and after it the toast and the way back.
 * A 403 closes the dialog (Delete then shows its reason); other failures stay in the dialog, so
 * the user can try again.
 */
export function OrganizationDeleteDialog({
  chatbotId,
  organization,
  contactCount,
  opened,
  onClose,
  onDeleted,
  listPath,
}: OrganizationDeleteDialogProps) {
  const navigate = useNavigate();
  const remove = useDeleteOrganization(chatbotId);
  const failure =
    remove.error && !(isApiError(remove.error) && remove.error.status === 403)
      ? remove.error.message
      : undefined;
  return (
    <DeleteOrganizationModal
      opened={opened}
      name={organization.name}
      contactCount={contactCount}
      deleting={remove.isPending}
      failure={failure}
      onCancel={() => {
        onClose();
        remove.reset();
      }}
      onConfirm={() =>
        remove.mutate(organization.id, {
          onSuccess: () => {
            onDeleted();
            onClose();
            removeDraft(chatbotId, organization.id);
            showToast({
              color: 'green',
              title: 'Deleted',
              message: `“${organization.name === '' ? '(no name)' : organization.name}” is deleted.`,
            });
            // Back to the entry the user came from (the list, which restores its scroll
            // position per history entry); a page opened directly goes to the list's top.
            const historyIndex = (window.history.state as { idx?: number } | null)?.idx ?? 0;
            if (historyIndex > 0) void navigate(-1);
            else void navigate(listPath, { replace: true });
          },
          onError: (error) => {
            if (isApiError(error) && error.status === 403) onClose();
          },
        })
      }
    />
  );
}
