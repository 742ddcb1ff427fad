import { Badge } from '@mantine/core';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { OrganizationOverview } from '../../components/organizations/detail/OrganizationOverview.tsx';
import { OrganizationTabs } from '../../components/organizations/detail/OrganizationTabs.tsx';
import type { Organization } from '../../lib/shared/apiTypes.ts';
import { plural } from '../../lib/organizations/formStatus.ts';
import { organizationPath, type OrganizationTab } from '../../routes.ts';
import classes from './OrganizationPage.module.css';
import { OrganizationContactsTab } from './OrganizationContactsTab.tsx';
import { OrganizationEditTab } from './OrganizationEditTab.tsx';
import { OrganizationHistoryTab } from './OrganizationHistoryTab.tsx';

interface OrganizationScreenTabsProps {
  chatbotId: string;
  /** As the route names it. */
  organizationId: string;
  organization: Organization;
  tab: OrganizationTab;
  /** The contacts' count for the tab's badge; undefined while unknown. */
  contactCount: number | undefined;
  onCountMismatch: () => void;
  /** A draft is kept: the Edit tab says "Unsaved". */
  hasDraft: boolean;
  nowMs: number;
  /** Why this person may not edit it; undefined when they may. */
  editDenied: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
}

/** An organization's tabs (overview, contacts, edit, history), the active one in the URL. */
export function OrganizationScreenTabs({
  chatbotId,
  organizationId,
  organization,
  tab,
  contactCount,
  onCountMismatch,
  hasDraft,
  nowMs,
  editDenied,
  onDirtyChange,
}: OrganizationScreenTabsProps) {
  const navigate = useNavigate();
  const pathOf = useCallback((id: string) => organizationPath(chatbotId, id), [chatbotId]);
  return (
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
              aria-label={
                contactCount === undefined ? undefined : plural(contactCount, 'contact', 'contacts')
              }
            >
              {contactCount === undefined ? '…' : contactCount.toLocaleString('en')}
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
          count={contactCount}
          onCountMismatch={onCountMismatch}
        />
      )}
      {tab === 'edit' && (
        <OrganizationEditTab
          chatbotId={chatbotId}
          organization={organization}
          disabledReason={editDenied}
          onDirtyChange={onDirtyChange}
        />
      )}
      {tab === 'history' && (
        <OrganizationHistoryTab chatbotId={chatbotId} organizationId={organizationId} />
      )}
    </OrganizationTabs>
  );
}
