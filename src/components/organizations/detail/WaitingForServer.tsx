import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useFocusOnArrival } from '../../shell/useFocusOnArrival.ts';

/** An organization not loaded before, opened while the console server cannot be reached. */
export function WaitingForServer({ listPath }: { listPath: string }) {
  const headingRef = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <Stack gap="sm" py="md" align="flex-start">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        Waiting for the server
      </Title>
      <Text>
        This organization was not loaded before, and the console server cannot be reached now. It
        opens by itself as soon as the server answers.
      </Text>
      <Anchor component={Link} to={listPath}>
        Back to organizations
      </Anchor>
    </Stack>
  );
}
