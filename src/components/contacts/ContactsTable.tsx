import { Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { ContactRow } from './ContactRow.tsx';
import { contactsShownText, type ContactDto } from './contactRows.ts';
import classes from './ContactsTable.module.css';
import { ContactsTableHead } from './ContactsTableHead.tsx';
import { ContactsToolbar } from './ContactsToolbar.tsx';
import { useContactRows } from './useContactRows.ts';

export interface ContactsTableProps {
  contacts: readonly ContactDto[];
  /** The organization whose contacts these are: left out of "Other organizations". */
  organizationId: string;
  organizationPath: (organizationId: string) => string;
  /** The name of another organization when it is known; its id is shown otherwise. */
  organizationName: (organizationId: string) => string | undefined;
}

const ESTIMATED_ROW_HEIGHT = 57;

/** Room for the rows out of view above or below, so the scrollbar is the whole list's. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={6} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * The contacts of one organization: filter and sort in the browser (the API returns them all,
 * unpaged), rows virtualized so an organization with hundreds of contacts stays light.
 */
export function ContactsTable({
  contacts,
  organizationId,
  organizationPath,
  organizationName,
}: ContactsTableProps) {
  const { rows, query, setQuery, sort, setSort } = useContactRows(contacts);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions that the React Compiler must not memoize.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <Stack gap="sm">
      <ContactsToolbar query={query} onQueryChange={setQuery} sort={sort} onSortChange={setSort} />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {contactsShownText(rows.length, contacts.length)}
      </Text>
      <div
        ref={scrollRef}
        className={classes.scroller}
        tabIndex={0}
        role="region"
        aria-label="Contacts, scrollable"
      >
        <Table
          className={classes.table}
          layout="fixed"
          stickyHeader
          highlightOnHover
          aria-label="Contacts"
          aria-rowcount={rows.length + 1}
        >
          <ContactsTableHead />
          <Table.Tbody>
            <Spacer height={paddingTop} />
            {items.map((item) => {
              const contact = rows[item.index];
              if (!contact) return null;
              return (
                <ContactRow
                  key={item.key}
                  contact={contact}
                  index={item.index}
                  measureRef={virtualizer.measureElement}
                  organizationId={organizationId}
                  organizationPath={organizationPath}
                  organizationName={organizationName}
                />
              );
            })}
            <Spacer height={paddingBottom} />
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {contacts.length === 0
              ? 'This organization has no contacts.'
              : 'No contact matches the filter.'}
          </Text>
        )}
      </div>
    </Stack>
  );
}
