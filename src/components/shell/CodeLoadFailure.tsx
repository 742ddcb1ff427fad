import { Alert, Button, Group, Text } from '@mantine/core';

interface CodeLoadFailureProps {
  /** "This page", "The quick lookup". */
  what: string;
  error: unknown;
  onRetry: () => void;
  /** The console server answers (the code is then likely gone with a deploy, not unreachable). */
  connected: boolean;
}

/**
 * A part of the console whose code could not be fetched, said inside the layout (the header and
 * everything else stay usable). src/lazyPage.tsx tries again by itself when the server answers.
 */
export function CodeLoadFailure({ what, error, onRetry, connected }: CodeLoadFailureProps) {
  const detail = error instanceof Error && error.message !== '' ? error.message : undefined;
  return (
    <Alert color="red" variant="light" title={`${what} could not be loaded`} role="alert" maw={720}>
      <Text size="sm">
        {connected
          ? 'Its code could not be fetched: the console may have been updated meanwhile, or the connection dropped.'
          : 'The console server cannot be reached. It is tried again by itself as soon as the server answers.'}
      </Text>
      {detail !== undefined && (
        <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button size="xs" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
