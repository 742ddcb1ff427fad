import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingOff } from '@tabler/icons-react';
import { memo } from 'react';
import { NewOrganizationButton } from './NewOrganizationButton.tsx';

/** No organizations at all (the first page came back empty). */
export function ListEmptyState({
  newHref,
  createDenied,
}: {
  newHref: string;
  createDenied: string | undefined;
}) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <IconBuildingOff size={40} stroke={1.4} aria-hidden="true" />
      <Title order={2} size="h4">
        No organizations yet
      </Title>
      <Text c="dimmed" size="sm" maw={420}>
        Organizations created here, by the API or by an import will be listed newest first.
      </Text>
      <NewOrganizationButton href={newHref} deniedReason={createDenied} />
    </Stack>
  );
}

interface ListErrorStateProps {
  title: string;
  message: string;
  onRetry: () => void;
}

/** A load that failed, with a retry (rows already loaded, if any, stay on screen below). */
export function ListErrorState({ title, message, onRetry }: ListErrorStateProps) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden="true" />}
      role="alert"
    >
      <Group gap="sm" justify="space-between">
        <Text size="sm">{message}</Text>
        <Button size="xs" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}

/** The keys the table answers to, under it. Memoized: its page renders on every page of rows. */
export const ListKeyboardHints = memo(function ListKeyboardHints() {
  return (
    <Text size="xs" c="dimmed" aria-hidden="true">
      <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move · <Kbd size="xs">Enter</Kbd> open ·{' '}
      <Kbd size="xs">PgUp</Kbd> <Kbd size="xs">PgDn</Kbd> page · <Kbd size="xs">Home</Kbd>{' '}
      <Kbd size="xs">End</Kbd> first and last
    </Text>
  );
});
