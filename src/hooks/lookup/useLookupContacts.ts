// The contacts of the lookup row whose contacts are open (Alt+C or its button): one at a time.
import { useQuery } from '@tanstack/react-query';
import type { Contact } from '../../api/organizations/contacts.ts';
import { errorReason } from '../../lib/search/searchErrors.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

export interface LookupContacts {
  /** Undefined while loading (or when no row is open). */
  contacts: Contact[] | undefined;
  /** Why they could not be loaded, in words; null when all is well. */
  error: string | null;
}

export function useLookupContacts(chatbotId: string, expandedId: string | null): LookupContacts {
  const query = useQuery({
    ...organizationQueries.contacts(chatbotId, expandedId ?? '-'),
    enabled: expandedId !== null,
  });
  return {
    contacts: query.data?.contacts,
    error: query.isError ? errorReason(query.error) : null,
  };
}
