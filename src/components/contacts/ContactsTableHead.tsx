import { Table } from '@mantine/core';

/** The columns and their widths (the table's layout is fixed). */
const COLUMNS = [
  ['Name', '20%'],
  ['Email', '26%'],
  ['Phone', '15%'],
  ['Channels', '15%'],
  ['Variables', '11%'],
  ['Other organizations', '13%'],
] as const;

/** The contacts table's column headers. */
export function ContactsTableHead() {
  return (
    <Table.Thead>
      <Table.Tr aria-rowindex={1}>
        {COLUMNS.map(([label, width]) => (
          <Table.Th key={label} scope="col" w={width}>
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
