import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface DraftNoticeProps {
  /** What was put back ("Your unsaved changes from 5 min. ago are back…"). */
  children: ReactNode;
  /** "Discard them", "Start empty". */
  discardLabel: string;
  onDiscard: () => void;
}

/** Above a form that opened with a draft kept in the browser: says so, and offers to drop it. */
export function DraftNotice({ children, discardLabel, onDiscard }: DraftNoticeProps) {
  return (
    <Alert color="blue" variant="light" role="status">
      <Group gap="xs" justify="space-between">
        <Text size="sm">{children}</Text>
        <Button size="compact-sm" variant="default" onClick={onDiscard}>
          {discardLabel}
        </Button>
      </Group>
    </Alert>
  );
}
