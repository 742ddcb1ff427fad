import { Button, Kbd } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useAfterHydration } from '../../hooks/shell/useAfterHydration.ts';
import headerClasses from '../shell/AppHeader.module.css';
import hidden from '../visuallyHidden.module.css';
import { quickLookup } from './quickLookupStore.ts';

const isApplePlatform = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's way into the quick lookup, showing its shortcut. */
export function QuickLookupButton() {
  // The server renders Ctrl K; a Mac shows ⌘ K once React runs.
  const isMac = useAfterHydration(isApplePlatform, false);
  return (
    <Button
      variant="default"
      size="xs"
      className={headerClasses.quickLookupButton}
      title="Quick lookup"
      leftSection={<IconSearch size={14} aria-hidden="true" />}
      rightSection={
        <Kbd size="xs" className={headerClasses.quickLookupKeys}>
          {isMac ? '⌘ K' : 'Ctrl K'}
        </Kbd>
      }
      onClick={quickLookup.open}
      aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
    >
      <span className={hidden.below40em}>Quick lookup</span>
    </Button>
  );
}
