import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';

interface DeleteOrganizationModalProps {
  opened: boolean;
  name: string;
  contactCount: number | undefined;
  deleting: boolean;
  failure?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before deleting, naming the organization (as text, whatever it holds). */
export function DeleteOrganizationModal({
  opened,
  name,
  contactCount,
  deleting,
  failure,
  onConfirm,
  onCancel,
}: DeleteOrganizationModalProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title="Delete organization?" centered>
      <Stack gap="md">
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          Delete the organization{' '}
          <Text span fw={700}>
            “<bdi>{name === '' ? '(no name)' : name}</bdi>”
          </Text>
          ? This cannot be undone.
        </Text>
        {contactCount !== undefined && contactCount > 0 && (
          <Text size="sm" c="dimmed">
            {contactCount === 1
              ? 'Its contact is not deleted.'
              : `Its ${contactCount.toLocaleString('en')} contacts are not deleted.`}
          </Text>
        )}
        {failure !== undefined && (
          <Alert color="red" title="Not deleted" role="alert">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {failure}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={deleting}>
            Delete organization
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
