import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { CONTACT_SORT_LABELS, type ContactSort } from './contactRows.ts';

const SORT_OPTIONS = Object.entries(CONTACT_SORT_LABELS).map(([value, label]) => ({
  value,
  label,
}));

interface ContactsToolbarProps {
  query: string;
  onQueryChange: (query: string) => void;
  sort: ContactSort;
  onSortChange: (sort: ContactSort) => void;
}

/** The contacts' filter (typos forgiven: contactFilter.ts) and their order. */
export function ContactsToolbar({
  query,
  onQueryChange,
  sort,
  onSortChange,
}: ContactsToolbarProps) {
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Filter contacts"
        placeholder="Name, email, phone, channel or variable (typos forgiven)"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => onQueryChange(event.currentTarget.value)}
        style={{ flex: 1, minWidth: 'min(220px, 100%)' }}
      />
      <Select
        label="Sort by"
        data={SORT_OPTIONS}
        value={sort}
        allowDeselect={false}
        onChange={(value) => value && onSortChange(value as ContactSort)}
        w={200}
        maw="100%"
      />
    </Group>
  );
}
