import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

interface CrashScreenProps {
  error: unknown;
  /** Renders the crashed part again, without reloading (the data cache and drafts are kept). */
  onRetry: () => void;
  /** Where "Go to organizations" leads. */
  homePath: string;
}

/**
 * What replaces a page (inside the layout) or the whole app (when the shell itself crashed)
 * that threw while rendering, instead of a blank window.
 */
export function CrashScreen({ error, onRetry, homePath }: CrashScreenProps) {
  const detail = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <div style={{ maxWidth: 720, padding: 'var(--mantine-spacing-md) 0' }}>
      <Title order={1} size="h2" mb="sm">
        Something went wrong
      </Title>
      <Alert color="red" variant="light" role="alert">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      </Alert>
      <Text size="sm" mt="sm">
        Unsaved changes in forms are kept in this browser and offered back when the page opens
        again.
      </Text>
      <Group gap="xs" mt="sm">
        <Button onClick={onRetry}>Try again</Button>
        <Button variant="default" component={Link} to={homePath}>
          Go to organizations
        </Button>
        <Button variant="default" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </Group>
    </div>
  );
}
