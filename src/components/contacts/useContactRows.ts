import { useDeferredValue, useMemo, useState } from 'react';
import { filterContacts } from './contactFilter.ts';
import { sortContacts, type ContactDto, type ContactSort } from './contactRows.ts';

/**
 * The contacts as listed: filtered by what is typed (deferred, so typing stays quick with
 * hundreds of contacts) and sorted. Returns the rows with the filter and the order to control.
 */
export function useContactRows(contacts: readonly ContactDto[]) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ContactSort>('name-asc');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(
    () => sortContacts(filterContacts(contacts, deferredQuery), sort),
    [contacts, deferredQuery, sort],
  );
  return { rows, query, setQuery, sort, setSort };
}
