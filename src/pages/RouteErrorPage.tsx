import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/**
 * What a page that crashed (or whose code failed to load, e.g. after a deploy) shows instead of
 * a blank screen. Rendered in place of the shell, so it needs nothing that may have failed.
 */
export function RouteErrorPage({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <Stack maw={640} mx="auto" mt="xl" p="md">
      <Title order={1}>Something went wrong</Title>
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
        <Text size="sm">{detail}</Text>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <Button variant="default" component="a" href="/">
          Go to the start
        </Button>
      </Group>
    </Stack>
  );
}
