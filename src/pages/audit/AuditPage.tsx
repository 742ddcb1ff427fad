// `/audit`: the whole audit trail (admins; everyone in local mode), filtered by person,
// organization, operation and days, the filters in the URL's query string. Another role gets the
// server's 403, which names the role needed, in the list's error state.
import { Alert, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '../../api/audit/audit.ts';
import { AuditEntryList } from '../../components/audit/AuditEntryList.tsx';
import { AuditFilterBar } from '../../components/audit/AuditFilterBar.tsx';
import { organizationPath } from '../../routes.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { useAuditTrail } from '../../hooks/audit/useAuditTrail.ts';
import {
  auditFilterParams,
  auditQueryFor,
  hasAuditFilters,
  readAuditFilters,
} from '../../lib/audit/auditFilters.ts';

function organizationHref(entry: AuditEntry): string | undefined {
  if (entry.organizationId === null || entry.operation === 'delete') return undefined;
  return organizationPath(entry.chatbotId, entry.organizationId, 'history');
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // Keyed by the query string: the same filters keep the same object (and query key).
  const { values, problems } = useMemo(
    () => readAuditFilters(new URLSearchParams(search)),
    [search],
  );
  const filters = useMemo(() => auditQueryFor(values), [values]);
  const trail = useAuditTrail(filters);
  const filtered = hasAuditFilters(values);

  return (
    <PageLayout title="Audit trail" fill>
      <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
        <AuditFilterBar values={values} onApply={(next) => setParams(auditFilterParams(next))} />
        {problems.length > 0 && (
          <Alert color="yellow" variant="light" mb="sm" title="Part of this address was left out">
            {problems.map((problem) => (
              <Text key={problem} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {problem}
              </Text>
            ))}
          </Alert>
        )}
        <AuditEntryList
          entries={trail.entries}
          isPending={trail.isPending}
          error={trail.error?.message ?? null}
          onRetry={trail.retry}
          hasNextPage={trail.hasNextPage}
          isFetchingNextPage={trail.isFetchingNextPage}
          onLoadNext={trail.loadNext}
          organizationHref={organizationHref}
          emptyTitle={filtered ? 'No change matches these filters' : 'No changes yet'}
          emptyText={
            filtered
              ? 'Widen the filters, or clear them to see every change.'
              : 'Every create, edit and delete made through the console will be listed here, newest first.'
          }
          label="Audit entries, newest first"
          size="fill"
        />
      </Stack>
    </PageLayout>
  );
}
