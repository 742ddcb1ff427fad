import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AuditEntry } from '../../lib/shared/apiTypes.ts';
import classes from './AuditEntryList.module.css';
import { AuditEntryRow } from './AuditEntryRow.tsx';

// A first guess; each row is measured once drawn (a row's height depends on its changes).
const ESTIMATED_ROW_HEIGHT = 96;
const SKELETON_ROWS = 6;

export interface AuditEntryListProps {
  entries: readonly AuditEntry[];
  isPending: boolean;
  error: string | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadNext: () => void;
  /** Each entry's organization page; undefined on that organization's own History tab. */
  organizationHref?: ((entry: AuditEntry) => string | undefined) | undefined;
  /** What an empty answer means here ("No change matches these filters."). */
  emptyTitle: string;
  emptyText: string;
  /** The accessible name of the list. */
  label: string;
  /** `fill`: takes the page's remaining height (the Audit page); `panel`: at most most of a window. */
  size: 'fill' | 'panel';
}

/** The audit entries, virtualized, newest first; loading, empty and error states in its place. */
export function AuditEntryList(props: AuditEntryListProps) {
  const { entries, isPending, error, onRetry, emptyTitle, emptyText } = props;
  if (isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading the audit trail">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <Skeleton key={index} height={72} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (error !== null && entries.length === 0) {
    return (
      <Alert
        color="red"
        variant="light"
        title="Couldn’t load the audit trail"
        icon={<IconAlertTriangle aria-hidden="true" />}
        role="alert"
      >
        <Group gap="sm" justify="space-between">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {error}
          </Text>
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  if (entries.length === 0) {
    return (
      <Stack align="center" gap="xs" py="xl" ta="center">
        <IconHistory size={40} stroke={1.4} aria-hidden="true" />
        <Text fw={600}>{emptyTitle}</Text>
        <Text c="dimmed" size="sm" maw={420}>
          {emptyText}
        </Text>
      </Stack>
    );
  }
  return <VirtualEntries {...props} />;
}

function VirtualEntries({
  entries,
  hasNextPage,
  isFetchingNextPage,
  onLoadNext,
  organizationHref,
  error,
  onRetry,
  label,
  size,
}: AuditEntryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are not memoizable; this component is not memoized (as the list's).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => entries[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  // The next page is asked for as the last rows come into view.
  useEffect(() => {
    if (last >= entries.length - 10) onLoadNext();
  }, [last, entries.length, onLoadNext]);

  return (
    <div className={size === 'fill' ? classes.fill : classes.panel}>
      <div ref={scrollRef} className={classes.scroll} role="region" aria-label={label} tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entries[item.index] as AuditEntry;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.item}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <AuditEntryRow entry={entry} organizationHref={organizationHref?.(entry)} />
              </div>
            );
          })}
        </div>
      </div>
      <Text size="xs" c="dimmed" className={classes.footer} role="status">
        {error !== null ? (
          <>
            Couldn’t load more: {error}{' '}
            <Button size="compact-xs" variant="subtle" onClick={onRetry}>
              Try again
            </Button>
          </>
        ) : isFetchingNextPage ? (
          'Loading older entries…'
        ) : hasNextPage ? (
          `${entries.length.toLocaleString('en')} entries loaded; scroll for older ones`
        ) : (
          `${entries.length.toLocaleString('en')} ${entries.length === 1 ? 'entry' : 'entries'}, the oldest last`
        )}
      </Text>
    </div>
  );
}
