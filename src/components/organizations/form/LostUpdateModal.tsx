import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FieldVersions } from '../../../lib/organizations/organizationFormChanges.ts';
import { FieldVersionsTable } from './FieldVersionsTable.tsx';

interface LostUpdateModalProps {
  opened: boolean;
  fields: readonly FieldVersions[];
  saving: boolean;
  onOverwrite: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

/**
 * Someone saved this organization after the form was opened: shows their changes beside the
 * user's, and lets the user save their own changes on top of the newest version (fields they did
 * not touch keep what the other person saved), or discard the form for theirs.
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
          Someone saved changes to this organization after you opened the form. Saving yours sends
          only the fields you changed (in bold): the others keep what was saved meanwhile, and where
          you both changed a field, yours replaces theirs.
        </Text>
        <FieldVersionsTable
          label="Your changes and the other changes"
          fields={fields}
          columns={['When you opened it', 'Yours', 'Saved meanwhile']}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Keep editing
          </Button>
          <Button variant="default" onClick={onDiscard} disabled={saving}>
            Discard mine, load theirs
          </Button>
          <Button onClick={onOverwrite} loading={saving}>
            Save my changes on top of theirs
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
