import { Text } from '@mantine/core';

interface SearchSummaryProps {
  /** The search text the shown results belong to. */
  shownQuery: string;
  found: number;
  outOf: number;
  searchTimeMs: number;
  /** The newer search text whose results are loading, while older results stay on screen. */
  pendingQuery: string | null;
}

const count = new Intl.NumberFormat('en');

/** "12 of 5,000 organizations match “müller” · 3 ms", and what is still loading. */
export function SearchSummary({
  shownQuery,
  found,
  outOf,
  searchTimeMs,
  pendingQuery,
}: SearchSummaryProps) {
  return (
    <Text
      size="sm"
      c="dimmed"
      style={{ fontVariantNumeric: 'tabular-nums' }}
      role="status"
      aria-live="polite"
    >
      {pendingQuery !== null ? (
        <>
          Searching for “<bdi>{pendingQuery}</bdi>”… still showing results for “
          <bdi>{shownQuery}</bdi>”:{' '}
        </>
      ) : null}
      <Text span fw={600} c="var(--mantine-color-text)" size="sm">
        {count.format(found)}
      </Text>{' '}
      of {count.format(outOf)} {outOf === 1 ? 'organization' : 'organizations'}{' '}
      {pendingQuery === null ? (
        <>
          match “<bdi>{shownQuery}</bdi>”
        </>
      ) : (
        'matched'
      )}{' '}
      · searched in {count.format(searchTimeMs)} ms
    </Text>
  );
}
