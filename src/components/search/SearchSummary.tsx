import { Text } from '@mantine/core';
import type { DroppedWords } from '../../lib/search/searchDroppedWords.ts';

interface SearchSummaryProps {
  /** The search text the shown results belong to. */
  shownQuery: string;
  found: number;
  outOf: number;
  searchTimeMs: number;
  /** The newer search text whose results are loading, while older results stay on screen. */
  pendingQuery: string | null;
  /** Words no result matches: the API left them out to find anything. */
  droppedWords?: DroppedWords | null;
}

const count = new Intl.NumberFormat('en');

/**
 * "12 of 5,000 organizations match “müller” · 3 ms", and what is still loading; when the API
 * left words out to find anything, says so first: "No match for all words; showing matches for
 * “nort” (“wind” left out): 42 of 5,000 organizations · 3 ms".
 */
export function SearchSummary({
  shownQuery,
  found,
  outOf,
  searchTimeMs,
  pendingQuery,
  droppedWords = null,
}: SearchSummaryProps) {
  const organizations = `${count.format(outOf)} ${outOf === 1 ? 'organization' : 'organizations'}`;
  const foundCount = (
    <Text span fw={600} c="var(--mantine-color-text)" size="sm">
      {count.format(found)}
    </Text>
  );
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
          <bdi>{shownQuery}</bdi>”: {foundCount} of {organizations} matched
        </>
      ) : droppedWords !== null ? (
        <>
          <Text span fw={600} c="var(--mantine-color-text)" size="sm">
            No match for all words
          </Text>
          ; showing matches for “<bdi>{droppedWords.kept.join(' ')}</bdi>” (
          {droppedWords.dropped.map((word, index) => (
            <span key={index}>
              {index > 0 ? ' ' : ''}“<bdi>{word}</bdi>”
            </span>
          ))}{' '}
          left out): {foundCount} of {organizations}
        </>
      ) : (
        <>
          {foundCount} of {organizations} match “<bdi>{shownQuery}</bdi>”
        </>
      )}{' '}
      · searched in {count.format(searchTimeMs)} ms
    </Text>
  );
}
