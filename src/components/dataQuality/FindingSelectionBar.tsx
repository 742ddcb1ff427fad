import { Button, Group, Text } from '@mantine/core';
import type { Ref } from 'react';

interface FindingSelectionBarProps {
  selectedCount: number;
  onClearSelection: () => void;
  /** Offer the bulk action (closed, and the check has findings). */
  offerBulk: boolean;
  /** The bulk action's button, focused again when the action is closed. */
  bulkButtonRef: Ref<HTMLButtonElement>;
  onOpenBulk: () => void;
}

/** Above the queue: how many findings are selected (X), and the bulk action's button. */
export function FindingSelectionBar({
  selectedCount,
  onClearSelection,
  offerBulk,
  bulkButtonRef,
  onOpenBulk,
}: FindingSelectionBarProps) {
  return (
    <Group gap="xs" mih={30}>
      {selectedCount > 0 && (
        <>
          <Text size="sm">{selectedCount.toLocaleString('en')} selected</Text>
          <Button size="compact-sm" variant="subtle" onClick={onClearSelection}>
            Clear selection
          </Button>
        </>
      )}
      {offerBulk && (
        <Button size="compact-sm" variant="default" ref={bulkButtonRef} onClick={onOpenBulk}>
          Bulk action…
        </Button>
      )}
    </Group>
  );
}
