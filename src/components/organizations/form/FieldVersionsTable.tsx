import { Table, Text } from '@mantine/core';
import type { FieldVersions } from '../../../lib/organizations/organizationFormChanges.ts';

const CELL = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function Value({ text }: { text: string | undefined }) {
  if (text === undefined) {
    return (
      <Text span c="dimmed" size="sm">
        (none)
      </Text>
    );
  }
  if (text === '') {
    return (
      <Text span c="dimmed" size="sm">
        (empty)
      </Text>
    );
  }
  return <bdi>{text}</bdi>;
}

interface FieldVersionsTableProps {
  label: string;
  fields: readonly FieldVersions[];
  /** Column titles of the three versions: as it was, the user's, the one stored now. */
  columns: readonly [original: string, yours: string, theirs: string];
}

/**
 * Field by field, a record as it was, as the user has it and as it is stored now, side by side;
 * the user's version is marked "(saved)" where it is the one a save keeps.
 */
export function FieldVersionsTable({ label, fields, columns }: FieldVersionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder layout="fixed" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">{columns[0]}</Table.Th>
            <Table.Th scope="col">{columns[1]}</Table.Th>
            <Table.Th scope="col">{columns[2]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.label}>
              <Table.Th scope="row" style={CELL}>
                <bdi>{field.label}</bdi>
              </Table.Th>
              <Table.Td style={CELL}>
                <Value text={field.original} />
              </Table.Td>
              <Table.Td style={CELL} fw={field.yours !== field.original ? 600 : undefined}>
                <Value text={field.yours} />
              </Table.Td>
              <Table.Td style={CELL}>
                <Value text={field.theirs} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
