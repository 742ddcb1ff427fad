import { Group, Table, Text } from '@mantine/core';
import type { Ref } from 'react';
import { ChannelBadges } from './ChannelBadges.tsx';
import { ContactAvatar } from './ContactAvatar.tsx';
import { mailtoHref, telHref } from './contactLinks.ts';
import type { ContactDto } from './contactRows.ts';
import { ContactValue } from './ContactValue.tsx';
import { ContactVariables } from './ContactVariables.tsx';
import classes from './ContactsTable.module.css';
import { OtherOrganizations } from './OtherOrganizations.tsx';

interface ContactRowProps {
  contact: ContactDto;
  /** The row's index among the filtered rows (the virtualizer measures it by this). */
  index: number;
  /** The virtualizer's measuring ref: rows vary in height. */
  measureRef: Ref<HTMLTableRowElement>;
  /** The organization whose contacts these are: left out of "Other organizations". */
  organizationId: string;
  organizationPath: (organizationId: string) => string;
  organizationName: (organizationId: string) => string | undefined;
}

/** One contact: name and avatar, e-mail and phone (links, copyable), channels, variables, the
 * other organizations it belongs to. */
export function ContactRow({
  contact,
  index,
  measureRef,
  organizationId,
  organizationPath,
  organizationName,
}: ContactRowProps) {
  return (
    <Table.Tr data-index={index} ref={measureRef} aria-rowindex={index + 2}>
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
}
