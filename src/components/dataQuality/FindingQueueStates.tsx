// The finding queue in place of its findings: loading, failed to load, or empty.
import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

export function FindingsLoading() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the findings">
      <Skeleton height={28} />
      <Skeleton height={28} />
      <Skeleton height={160} />
    </Stack>
  );
}

export function FindingsLoadFailure({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <Alert color="red" variant="light" role="alert" title="Couldn’t load the findings">
      <Group gap="sm" justify="space-between">
        <Text size="sm">{error}</Text>
        <Button size="xs" variant="default" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}

export function NothingToFix({ overviewHref }: { overviewHref: string }) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <Text fw={600}>Nothing to fix here</Text>
      <Text c="dimmed" size="sm" maw={420}>
        No organization has this problem in the last scan, or every one was fixed since.
      </Text>
      <Button variant="default" component={Link} to={overviewHref}>
        Back to overview
      </Button>
    </Stack>
  );
}
