import { Button, Kbd } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { quickLookup } from './quickLookupStore.ts';

/** The header's way into the quick lookup, showing its shortcut. */
export function QuickLookupButton() {
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconSearch size={14} aria-hidden="true" />}
      rightSection={<Kbd size="xs">{isMac ? '⌘ K' : 'Ctrl K'}</Kbd>}
      onClick={quickLookup.open}
      aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
    >
      Quick lookup
    </Button>
  );
}
