import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { memo, useId } from 'react';
import { Link } from 'react-router';

interface NewOrganizationButtonProps {
  href: string;
  /** Why this person may not create organizations; undefined: they may. */
  deniedReason: string | undefined;
}

/**
 * "New organization", or the same button disabled with the reason written under it. Memoized: the
 * list's page renders on every page of rows that arrives.
 */
export const NewOrganizationButton = memo(function NewOrganizationButton({
  href,
  deniedReason,
}: NewOrganizationButtonProps) {
  const reasonId = useId();
  if (deniedReason === undefined) {
    return (
      <Button component={Link} to={href} leftSection={<IconPlus size={16} aria-hidden="true" />}>
        New organization
      </Button>
    );
  }
  return (
    <Stack gap={4} align="flex-end" maw={280}>
      <Button
        disabled
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        aria-describedby={reasonId}
      >
        New organization
      </Button>
      <Text id={reasonId} size="xs" c="dimmed" ta="right">
        {deniedReason}
      </Text>
    </Stack>
  );
});
