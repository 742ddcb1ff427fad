// ROUTES.organization (src/routes.ts): one organization, with its tabs in
// the URL (overview, contacts, edit, history), delete, and the unsaved-changes guard of the edit form.
import { Alert, Anchor, Badge, Button, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { DeleteOrganizationModal } from '../components/organizations/detail/DeleteOrganizationModal.tsx';
import { OrganizationNotFound } from '../components/organizations/detail/OrganizationNotFound.tsx';
import { OrganizationOverview } from '../components/organizations/detail/OrganizationOverview.tsx';
import { OrganizationTabs } from '../components/organizations/detail/OrganizationTabs.tsx';
import { WaitingForServer } from '../components/organizations/detail/WaitingForServer.tsx';
import { UnsavedChangesGuard } from '../components/organizations/form/UnsavedChangesGuard.tsx';
import { PageLayout } from '../components/shell/PageLayout.tsx';
import { organizationQueries } from '../hooks/queries/organizationQueries.ts';
import { showToast } from '../hooks/useToasts.ts';
import { removeDraft, useHasDraft } from '../hooks/useFormDraft.ts';
import { useNow } from '../hooks/useNow.ts';
import { useOrganizationDetail } from '../hooks/useOrganizationDetail.ts';
import { useDeleteOrganization } from '../hooks/useOrganizationMutations.ts';
import { useRecordRecentOrganization } from '../hooks/useRecentOrganizations.ts';
import { useWriteAccess } from '../hooks/useWriteAccess.ts';
import { plural } from '../lib/formStatus.ts';
import {
  isOrganizationTab,
  organizationPath,
  organizationsPath,
  type OrganizationTab,
} from '../routes.ts';
import classes from './OrganizationPage.module.css';
import { OrganizationContactsTab } from './OrganizationContactsTab.tsx';
import { OrganizationEditTab } from './OrganizationEditTab.tsx';
import { OrganizationHistoryTab } from './OrganizationHistoryTab.tsx';

/** Relative times ("saved 3 min ago") are redrawn this often. */
const CLOCK_TICK_MS = 30_000;

export function OrganizationPage() {
  const params = useParams();
  const chatbotId = params.chatbotId ?? '';
  const organizationId = params.organizationId ?? '';
  const tab = params.tab;
  if (tab !== undefined && !isOrganizationTab(tab)) {
    return <Navigate to={organizationPath(chatbotId, organizationId)} replace />;
  }
  return (
    <OrganizationScreen
      key={`${chatbotId}/${organizationId}`}
      chatbotId={chatbotId}
      organizationId={organizationId}
      tab={tab ?? 'overview'}
    />
  );
}

interface OrganizationScreenProps {
  chatbotId: string;
  organizationId: string;
  tab: OrganizationTab;
}

function OrganizationScreen({ chatbotId, organizationId, tab }: OrganizationScreenProps) {
  const navigate = useNavigate();
  const nowMs = useNow(CLOCK_TICK_MS);
  const detail = useOrganizationDetail(chatbotId, organizationId);
  const countQuery = useQuery(organizationQueries.contactsCount(chatbotId, organizationId));
  const denials = useWriteAccess(chatbotId);
  const remove = useDeleteOrganization(chatbotId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  // The dialog is mounted from its first opening on (then kept, so it can animate out): a closed
  // Mantine modal still costs its transition and focus machinery on every opening of the page.
  const [deleteMounted, setDeleteMounted] = useState(false);
  if (deleteOpen && !deleteMounted) setDeleteMounted(true);

  const organization = detail.data?.organization;
  useRecordRecentOrganization(chatbotId, organization);

  // The edit form reports whether it holds unsaved changes, and keeps them as a draft: switching
  // to another tab of the organization keeps them (the Edit tab offers them back); leaving the
  // organization asks first, and leaving on purpose (after a delete) is let through.
  const formDirty = useRef(false);
  const leavingOnPurpose = useRef(false);
  const hasDraft = useHasDraft(chatbotId, organizationId);
  const hasDraftRef = useRef(hasDraft);
  useEffect(() => {
    hasDraftRef.current = hasDraft;
  }, [hasDraft]);
  const onDirtyChange = useCallback((dirty: boolean) => {
    formDirty.current = dirty;
  }, []);
  const ownPath = organizationPath(chatbotId, organizationId);
  const shouldBlock = useCallback(
    (nextPathname: string) =>
      (formDirty.current || hasDraftRef.current) &&
      !leavingOnPurpose.current &&
      nextPathname !== ownPath &&
      !nextPathname.startsWith(`${ownPath}/`),
    [ownPath],
  );
  const shouldWarnOnUnload = useCallback(() => formDirty.current && !leavingOnPurpose.current, []);
  const discardDraft = useCallback(() => {
    formDirty.current = false;
    removeDraft(chatbotId, organizationId);
  }, [chatbotId, organizationId]);

  const listPath = organizationsPath(chatbotId);
  const pathOf = useCallback((id: string) => organizationPath(chatbotId, id), [chatbotId]);
  const refetchCount = countQuery.refetch;
  const onCountMismatch = useCallback(() => void refetchCount(), [refetchCount]);

  if (organization === undefined) {
    if (detail.isPending) {
      return detail.fetchStatus === 'paused' ? (
        <WaitingForServer listPath={listPath} />
      ) : (
        <Stack align="center" py="xl">
          <Loader role="progressbar" aria-label="Loading the organization" />
        </Stack>
      );
    }
    const error = detail.error;
    if (!error || (isApiError(error) && error.status === 404)) {
      return <OrganizationNotFound listPath={listPath} />;
    }
    return (
      <Stack gap="md" py="md" align="flex-start">
        <Alert color="red" title="The organization could not be loaded" role="alert">
          {error.message}
        </Alert>
        <Button onClick={() => void detail.refetch()}>Try again</Button>
        <Anchor component={Link} to={listPath}>
          Back to organizations
        </Anchor>
      </Stack>
    );
  }
  // Deleted meanwhile (a refetch found nothing): the copy on screen is gone from the server.
  if (detail.isError && isApiError(detail.error) && detail.error.status === 404) {
    return (
      <OrganizationNotFound
        listPath={listPath}
        message="This organization was deleted meanwhile: the server no longer has it."
      />
    );
  }

  const deleteDenied = denials.deleteOrganization;
  const count = countQuery.data?.count;
  const deleteFailure =
    remove.error && !(isApiError(remove.error) && remove.error.status === 403)
      ? remove.error.message
      : undefined;

  return (
    <PageLayout
      title={organization.name === '' ? '(no name)' : organization.name}
      meta={organization.industry}
      actions={
        <>
          <Button
            component={Link}
            to={listPath}
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
          >
            All organizations
          </Button>
          {deleteDenied === undefined ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => setDeleteOpen(true)}
            >
              Delete
            </Button>
          ) : (
            // Only a denied Delete has a tooltip (its reason): a tooltip costs its floating
            // machinery on every opening of the page.
            <Tooltip label={deleteDenied} multiline w={280}>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                disabled
                // A disabled button takes no hover: the wrapper carries the reason for the tooltip.
                aria-describedby="delete-denied-reason"
              >
                Delete
              </Button>
            </Tooltip>
          )}
        </>
      }
    >
      {deleteDenied && (
        <Text id="delete-denied-reason" size="sm" c="dimmed" mb="xs">
          {deleteDenied}
        </Text>
      )}
      {detail.data.error !== undefined && (
        <Alert color="yellow" title="The server reported a problem" mb="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {detail.data.error}
          </Text>
        </Alert>
      )}
      {/* Unsaved changes live in the edit form and its draft; the guard holds a navigation away
          from the organization while the user decides (its tabs are let through). */}
      <UnsavedChangesGuard
        shouldBlock={shouldBlock}
        shouldWarnOnUnload={shouldWarnOnUnload}
        onDiscard={discardDraft}
      />
      <OrganizationTabs
        tabs={[
          { value: 'overview', label: 'Overview' },
          {
            value: 'contacts',
            label: 'Contacts',
            rightSection: (
              <Badge
                size="sm"
                variant="light"
                aria-label={count === undefined ? undefined : plural(count, 'contact', 'contacts')}
              >
                {count === undefined ? '…' : count.toLocaleString('en')}
              </Badge>
            ),
          },
          {
            value: 'edit',
            label: 'Edit',
            rightSection: hasDraft ? <span className={classes.unsaved}>Unsaved</span> : undefined,
          },
          { value: 'history', label: 'History' },
        ]}
        value={tab}
        // Replacing: the tabs are addressable, but Back leaves the organization, not the tab.
        onChange={(value) =>
          void navigate(organizationPath(chatbotId, organizationId, value), { replace: true })
        }
      >
        {tab === 'overview' && <OrganizationOverview organization={organization} nowMs={nowMs} />}
        {tab === 'contacts' && (
          <OrganizationContactsTab
            chatbotId={chatbotId}
            organizationId={organizationId}
            organizationPath={pathOf}
            count={count}
            onCountMismatch={onCountMismatch}
          />
        )}
        {tab === 'edit' && (
          <OrganizationEditTab
            chatbotId={chatbotId}
            organization={organization}
            disabledReason={denials.updateOrganization}
            onDirtyChange={onDirtyChange}
          />
        )}
        {tab === 'history' && (
          <OrganizationHistoryTab chatbotId={chatbotId} organizationId={organizationId} />
        )}
      </OrganizationTabs>
      {deleteMounted && (
        <DeleteOrganizationModal
          opened={deleteOpen}
          name={organization.name}
          contactCount={count}
          deleting={remove.isPending}
          failure={deleteFailure}
          onCancel={() => {
            setDeleteOpen(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(organization.id, {
              onSuccess: () => {
                leavingOnPurpose.current = true;
                setDeleteOpen(false);
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
              // A 403 disables Delete with its reason beside the button; other failures stay in
              // the dialog, so the user can try again.
              onError: (error) => {
                if (isApiError(error) && error.status === 403) setDeleteOpen(false);
              },
            })
          }
        />
      )}
    </PageLayout>
  );
}
