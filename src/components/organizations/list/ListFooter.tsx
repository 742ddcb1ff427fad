import { Button, Loader, Text } from '@mantine/core';
import classes from './OrganizationTable.module.css';

export interface ListFooterProps {
  loadedCount: number;
  /** A short or empty page ended the list. */
  ended: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: string | null;
  onLoadNext: () => void;
}

/** Below the last row: more loading, why more failed (with a retry), or the end and its count. */
export function ListFooter({
  loadedCount,
  ended,
  isFetchingNextPage,
  nextPageError,
  onLoadNext,
}: ListFooterProps) {
  return (
    <div className={classes.footer} role="status">
      {nextPageError !== null ? (
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
          End of the list · {loadedCount.toLocaleString('en')}{' '}
          {loadedCount === 1 ? 'organization' : 'organizations'} loaded
        </Text>
      ) : null}
    </div>
  );
}
