// ROUTES.organization (src/routes.ts): one organization, with its tabs in
// the URL (overview, contacts, edit, history), delete, and the unsaved-changes guard of the edit form.
import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  DELETE_DENIED_REASON_ID,
  OrganizationActions,
} from '../../components/organizations/detail/OrganizationActions.tsx';
import { OrganizationNotFound } from '../../components/organizations/detail/OrganizationNotFound.tsx';
import { UnsavedChangesGuard } from '../../components/organizations/form/UnsavedChangesGuard.tsx';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { useNow } from '../../hooks/shell/useNow.ts';
import { useOrganizationDetail } from '../../hooks/organizations/useOrganizationDetail.ts';
import { useOrganizationEditGuard } from '../../hooks/organizations/useOrganizationEditGuard.ts';
import { useRecordRecentOrganization } from '../../hooks/lookup/useRecentOrganizations.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import {
  isOrganizationTab,
  organizationPath,
  organizationsPath,
  type OrganizationTab,
} from '../../routes.ts';
import { OrganizationDeleteDialog } from './OrganizationDeleteDialog.tsx';
import { OrganizationScreenTabs } from './OrganizationScreenTabs.tsx';
import { OrganizationUnavailable } from './OrganizationUnavailable.tsx';

/**
 * The Element Timing name of the organization's heading: the browser reports when it was painted,
 * which `npm run bench` takes as the page shown (bench/browser/open-organization.ts).
 */
const ORGANIZATION_HEADING_TIMING = 'organization-heading';

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

/**
 * One organization's page: its data, the header (title, back, Delete), its tabs
 * (OrganizationScreenTabs.tsx), the edit state's guard (useOrganizationEditGuard.ts) and the
 * delete dialog (OrganizationDeleteDialog.tsx).
 */
function OrganizationScreen({ chatbotId, organizationId, tab }: OrganizationScreenProps) {
  const nowMs = useNow(CLOCK_TICK_MS);
  const detail = useOrganizationDetail(chatbotId, organizationId);
  const countQuery = useQuery(organizationQueries.contactsCount(chatbotId, organizationId));
  const denials = useWriteAccess(chatbotId);
  const editGuard = useOrganizationEditGuard(chatbotId, organizationId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  // The dialog is mounted from its first opening on (then kept, so it can animate out): a closed
  // Mantine modal still costs its transition and focus machinery on every opening of the page.
  const [deleteMounted, setDeleteMounted] = useState(false);
  if (deleteOpen && !deleteMounted) setDeleteMounted(true);

  const organization = detail.data?.organization;
  useRecordRecentOrganization(chatbotId, organization);

  const listPath = organizationsPath(chatbotId);
  const refetchCount = countQuery.refetch;
  const onCountMismatch = useCallback(() => void refetchCount(), [refetchCount]);
  const closeDelete = useCallback(() => setDeleteOpen(false), []);

  if (organization === undefined) {
    return <OrganizationUnavailable detail={detail} listPath={listPath} />;
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
  return (
    <PageLayout
      title={organization.name === '' ? '(no name)' : organization.name}
      meta={organization.industry}
      titleTiming={ORGANIZATION_HEADING_TIMING}
      actions={
        <OrganizationActions
          listPath={listPath}
          deleteDenied={deleteDenied}
          onDelete={() => setDeleteOpen(true)}
        />
      }
    >
      {deleteDenied && (
        <Text id={DELETE_DENIED_REASON_ID} size="sm" c="dimmed" mb="xs">
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
        shouldBlock={editGuard.shouldBlock}
        shouldWarnOnUnload={editGuard.shouldWarnOnUnload}
        onDiscard={editGuard.discardDraft}
      />
      <OrganizationScreenTabs
        chatbotId={chatbotId}
        organizationId={organizationId}
        organization={organization}
        tab={tab}
        contactCount={count}
        onCountMismatch={onCountMismatch}
        hasDraft={editGuard.hasDraft}
        nowMs={nowMs}
        editDenied={denials.updateOrganization}
        onDirtyChange={editGuard.onDirtyChange}
      />
      {deleteMounted && (
        <OrganizationDeleteDialog
          chatbotId={chatbotId}
          organization={organization}
          contactCount={count}
          opened={deleteOpen}
          onClose={closeDelete}
          onDeleted={editGuard.leaveOnPurpose}
          listPath={listPath}
        />
      )}
    </PageLayout>
  );
}
