import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { FieldVersions } from '../../../lib/organizationFormChanges.ts';

interface LostUpdateModalProps {
  opened: boolean;
  fields: readonly FieldVersions[];
  saving: boolean;
  onOverwrite: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

const CELL = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function Value({ text }: { text: string | undefined }) {
  if (text === undefined)
    return (
      <Text span c="dimmed">
        (none)
      </Text>
    );
  if (text === '')
    return (
      <Text span c="dimmed">
        (empty)
      </Text>
    );
  return <>{text}</>;
}

/**
 * Someone saved this organization after the form was opened: shows their changes beside the
 * user's, and lets the user overwrite them with the form, or discard the form for theirs.
 */
export function LostUpdateModal({
  opened,
  fields,
  saving,
  onOverwrite,
  onDiscard,
  onCancel,
}: LostUpdateModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title="This organization was changed meanwhile"
      size="xl"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          Someone saved changes to this organization after you opened the form. Review both
          versions, then keep yours (overwriting theirs) or discard yours and load theirs.
        </Text>
        <Table withTableBorder layout="fixed" aria-label="Your changes and the other changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">When you opened it</Table.Th>
              <Table.Th scope="col">Yours</Table.Th>
              <Table.Th scope="col">Saved meanwhile</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.label}>
                <Table.Th scope="row" style={CELL}>
                  {field.label}
                </Table.Th>
                <Table.Td style={CELL}>
                  <Value text={field.original} />
                </Table.Td>
                <Table.Td style={CELL}>
                  <Value text={field.yours} />
                </Table.Td>
                <Table.Td style={CELL}>
                  <Value text={field.theirs} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep editing
          </Button>
          <Button variant="light" color="red" onClick={onDiscard} disabled={saving}>
            Discard mine, load theirs
          </Button>
          <Button onClick={onOverwrite} loading={saving}>
            Save mine, overwrite theirs
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
