// The Contacts tab: the organization's contacts (unpaged), with the names of the other
// organizations they belong to fetched for the links.
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { ContactsTable } from '../../components/contacts/ContactsTable.tsx';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';

/** Enough to name the other organizations of a large contact list without a flood of requests. */
const MAX_NAMED_ORGANIZATIONS = 60;

interface OrganizationContactsTabProps {
  chatbotId: string;
  organizationId: string;
  organizationPath: (organizationId: string) => string;
  /** The count endpoint's number, to refresh it when the list says otherwise. */
  count: number | undefined;
  onCountMismatch: () => void;
}

export function OrganizationContactsTab({
  chatbotId,
  organizationId,
  organizationPath,
  count,
  onCountMismatch,
}: OrganizationContactsTabProps) {
  const contactsQuery = useQuery(organizationQueries.contacts(chatbotId, organizationId));
  const contacts = contactsQuery.data?.contacts;

  const otherIds = useMemo(() => {
    const ids = new Set<string>();
    for (const contact of contacts ?? []) {
      for (const id of contact.organizationIds) if (id !== organizationId) ids.add(id);
    }
    return [...ids].slice(0, MAX_NAMED_ORGANIZATIONS);
  }, [contacts, organizationId]);

  // `combine` keeps the result stable while the names do not change.
  const names = useQueries({
    queries: otherIds.map((id) => ({ ...organizationQueries.detail(chatbotId, id), retry: false })),
    combine: (results) => {
      const map = new Map<string, string>();
      results.forEach((result) => {
        const organization = result.data?.organization;
        if (organization) map.set(organization.id, organization.name);
      });
      return map;
    },
  });
  const organizationName = useCallback((id: string) => names.get(id), [names]);

  // The tab's badge comes from the count endpoint; when the list (fetched later) has another
  // length, the count is asked again so the two agree.
  const loadedCount = contacts?.length;
  useEffect(() => {
    if (loadedCount !== undefined && count !== undefined && loadedCount !== count) {
      onCountMismatch();
    }
  }, [loadedCount, count, onCountMismatch]);

  if (contactsQuery.isPending) {
    return (
      <Stack align="center" py="xl">
        <Loader role="progressbar" aria-label="Loading contacts" />
      </Stack>
    );
  }
  if (contactsQuery.isError) {
    return (
      <Alert color="red" title="The contacts could not be loaded" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{contactsQuery.error.message}</Text>
          <Button size="xs" variant="light" onClick={() => void contactsQuery.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {contactsQuery.data.error !== undefined && (
        <Alert color="yellow" title="The server reported a problem">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {contactsQuery.data.error}
          </Text>
        </Alert>
      )}
      <ContactsTable
        contacts={contactsQuery.data.contacts}
        organizationId={organizationId}
        organizationPath={organizationPath}
        organizationName={organizationName}
      />
    </Stack>
  );
}
