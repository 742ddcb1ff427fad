import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ChannelBadges } from './ChannelBadges.tsx';
import { ContactAvatar } from './ContactAvatar.tsx';
import { CopyValueButton } from '../organizations/detail/CopyValueButton.tsx';
import { filterContacts } from './contactFilter.ts';
import { mailtoHref, telHref } from './contactLinks.ts';
import {
  CONTACT_SORT_LABELS,
  sortContacts,
  type ContactDto,
  type ContactSort,
} from './contactRows.ts';
import classes from './ContactsTable.module.css';

export interface ContactsTableProps {
  contacts: readonly ContactDto[];
  /** The organization whose contacts these are: left out of "Other organizations". */
  organizationId: string;
  organizationPath: (organizationId: string) => string;
  /** The name of another organization when it is known; its id is shown otherwise. */
  organizationName: (organizationId: string) => string | undefined;
}

const ESTIMATED_ROW_HEIGHT = 57;
const SORT_OPTIONS = Object.entries(CONTACT_SORT_LABELS).map(([value, label]) => ({
  value,
  label,
}));

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
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ContactSort>('name-asc');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(
    () => sortContacts(filterContacts(contacts, deferredQuery), sort),
    [contacts, deferredQuery, sort],
  );

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

  const shown =
    rows.length === contacts.length
      ? `${contacts.length.toLocaleString('en')} ${contacts.length === 1 ? 'contact' : 'contacts'}`
      : `${rows.length.toLocaleString('en')} of ${contacts.length.toLocaleString('en')} ${
          contacts.length === 1 ? 'contact' : 'contacts'
        }`;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Filter contacts"
          placeholder="Name, email, phone, channel or variable (typos forgiven)"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 'min(220px, 100%)' }}
        />
        <Select
          label="Sort by"
          data={SORT_OPTIONS}
          value={sort}
          allowDeselect={false}
          onChange={(value) => value && setSort(value as ContactSort)}
          w={200}
          maw="100%"
        />
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {shown}
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
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              <Table.Th scope="col" w="20%">
                Name
              </Table.Th>
              <Table.Th scope="col" w="26%">
                Email
              </Table.Th>
              <Table.Th scope="col" w="15%">
                Phone
              </Table.Th>
              <Table.Th scope="col" w="15%">
                Channels
              </Table.Th>
              <Table.Th scope="col" w="11%">
                Variables
              </Table.Th>
              <Table.Th scope="col" w="13%">
                Other organizations
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const contact = rows[item.index];
              if (!contact) return null;
              return (
                <Table.Tr
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                >
                  <Table.Td className={classes.nameCell}>
                    <Group gap="xs" wrap="nowrap">
                      <ContactAvatar name={contact.name} avatar={contact.avatar} />
                      <Text size="sm" className={classes.text}>
                        {contact.name === '' ? '(no name)' : contact.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td data-label="Email">
                    <ContactValue
                      value={contact.email}
                      href={mailtoHref(contact.email)}
                      what={`email of ${contact.name || 'this contact'}`}
                    />
                  </Table.Td>
                  <Table.Td data-label="Phone">
                    <ContactValue
                      value={contact.phoneNumber}
                      href={telHref(contact.phoneNumber)}
                      what={`phone number of ${contact.name || 'this contact'}`}
                    />
                  </Table.Td>
                  <Table.Td data-label="Channels">
                    <ChannelBadges contact={contact} />
                  </Table.Td>
                  <Table.Td data-label="Variables">
                    <ContactVariables variables={contact.variables} />
                  </Table.Td>
                  <Table.Td data-label="Other organizations">
                    <OtherOrganizations
                      ids={contact.organizationIds.filter((id) => id !== organizationId)}
                      organizationPath={organizationPath}
                      organizationName={organizationName}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
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

/** An e-mail or phone number: a link when it is a plausible one, and a copy button. */
function ContactValue({
  value,
  href,
  what,
}: {
  value: string | undefined;
  href: string | undefined;
  what: string;
}) {
  if (value === undefined || value === '') return null;
  return (
    <span className={classes.value}>
      {href === undefined ? (
        <span className={classes.text}>{value}</span>
      ) : (
        <Anchor href={href} size="sm" className={classes.text}>
          {value}
        </Anchor>
      )}
      <CopyValueButton value={value} what={what} />
    </span>
  );
}

function ContactVariables({ variables }: { variables: Record<string, string> }) {
  const entries = Object.entries(variables);
  if (entries.length === 0) return null;
  return (
    <Stack gap={0}>
      {entries.map(([key, value]) => (
        <Text key={key} size="xs" className={classes.text}>
          <Text span size="xs" c="dimmed">
            {key}:
          </Text>{' '}
          {value}
        </Text>
      ))}
    </Stack>
  );
}

function OtherOrganizations({
  ids,
  organizationPath,
  organizationName,
}: {
  ids: readonly string[];
  organizationPath: (id: string) => string;
  organizationName: (id: string) => string | undefined;
}) {
  if (ids.length === 0) return null;
  return (
    <Stack gap={2}>
      {ids.map((id) => (
        <Anchor
          key={id}
          component={Link}
          to={organizationPath(id)}
          size="sm"
          className={classes.text}
        >
          {organizationName(id) ?? `Organization ${id}`}
        </Anchor>
      ))}
    </Stack>
  );
}
