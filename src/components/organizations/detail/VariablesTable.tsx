import { Table, Text } from '@mantine/core';

interface VariablesTableProps {
  variables: Record<string, string>;
  /** The table's accessible name (a heading above it names it for sighted readers). */
  label: string;
}

/** The custom variables as a two-column table; keys and values are data, shown as text. */
export function VariablesTable({ variables, label }: VariablesTableProps) {
  const entries = Object.entries(variables);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No variables.
      </Text>
    );
  }
  return (
    <Table striped withTableBorder layout="fixed" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="35%">
            Name
          </Table.Th>
          <Table.Th scope="col">Value</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{key}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
