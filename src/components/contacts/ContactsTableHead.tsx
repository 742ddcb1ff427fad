import { Table } from '@mantine/core';

/** The contacts table's column headers, with their widths (the table's layout is fixed). */
export function ContactsTableHead() {
  return (
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
  );
}
