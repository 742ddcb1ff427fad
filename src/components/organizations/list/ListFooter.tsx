import { Button, Loader, Text } from '@mantine/core';
import { memo } from 'react';
import classes from './OrganizationTable.module.css';

export interface ListFooterProps {
  loadedCount: number;
  /** How many organizations there are (the search engine's count), when known. */
  total: number | null;
  /** End was pressed: the pages are being fetched to the end. */
  goingToEnd: boolean;
  onStopGoingToEnd: () => void;
  /** The next page waits for the console server to be reachable again. */
  paused: boolean;
  /** A short or empty page ended the list. */
  ended: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: string | null;
  onLoadNext: () => void;
}

/**
 * Below the last row: more loading, why more failed (with a retry), or the end and its count.
 * Memoized: the table renders again on every scroll frame that brings rows, the footer seldom.
 */
export const ListFooter = memo(function ListFooter({
  loadedCount,
  total,
  goingToEnd,
  onStopGoingToEnd,
  paused,
  ended,
  isFetchingNextPage,
  nextPageError,
  onLoadNext,
}: ListFooterProps) {
  const loaded = loadedCount.toLocaleString('en');
  return (
    <div className={classes.footer} role="status">
      {goingToEnd ? (
        <>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Going to the end of the list: {loaded}
            {total !== null && total >= loadedCount ? ` of ${total.toLocaleString('en')}` : ''}{' '}
            loaded…
          </Text>
          <Button size="compact-sm" variant="default" onClick={onStopGoingToEnd}>
            Stop (Esc)
          </Button>
        </>
      ) : paused ? (
        <Text size="sm" c="dimmed">
          More organizations load when the console server can be reached again.
        </Text>
      ) : nextPageError !== null ? (
        <>
          <Text size="sm" c="red">
            Couldn’t load more organizations: {nextPageError}
          </Text>
          <Button size="compact-sm" variant="light" onClick={onLoadNext}>
            Try again
          </Button>
        </>
      ) : isFetchingNextPage ? (
        <>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Loading more organizations…
          </Text>
        </>
      ) : ended ? (
        <Text size="sm" c="dimmed">
          End of the list · {loaded} {loadedCount === 1 ? 'organization' : 'organizations'}
        </Text>
      ) : null}
    </div>
  );
});
