import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useFocusOnArrival } from '../../shell/useFocusOnArrival.ts';

interface OrganizationNotFoundProps {
  listPath: string;
  message?: string;
}

/** An unknown (or deleted) organization id: says so and offers the way back to the list. */
export function OrganizationNotFound({ listPath, message }: OrganizationNotFoundProps) {
  const headingRef = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        Organization not found
      </Title>
      <Text>{message ?? 'There is no organization with this ID. It may have been deleted.'}</Text>
      <Button component={Link} to={listPath}>
        Back to organizations
      </Button>
    </Stack>
  );
}
