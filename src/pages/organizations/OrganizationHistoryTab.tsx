// An organization's History tab: its own entries of the audit trail (open to every role that may
// open the organization), newest first, with the same list as the Audit page.
import { useMemo } from 'react';
import { AuditEntryList } from '../../components/audit/AuditEntryList.tsx';
import { useAuditTrail } from '../../hooks/audit/useAuditTrail.ts';

interface OrganizationHistoryTabProps {
  chatbotId: string;
  organizationId: string;
}

export function OrganizationHistoryTab({ chatbotId, organizationId }: OrganizationHistoryTabProps) {
  const filters = useMemo(() => ({ chatbotId, organizationId }), [chatbotId, organizationId]);
  const trail = useAuditTrail(filters);
  return (
    <AuditEntryList
      entries={trail.entries}
      isPending={trail.isPending}
      error={trail.error?.message ?? null}
      onRetry={trail.retry}
      hasNextPage={trail.hasNextPage}
      isFetchingNextPage={trail.isFetchingNextPage}
      onLoadNext={trail.loadNext}
      emptyTitle="No changes recorded"
      emptyText="Creates and edits of this organization made through the console will be listed here, newest first."
      label="Changes to this organization, newest first"
      size="panel"
    />
  );
}
