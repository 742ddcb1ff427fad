import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconSearchOff } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import { droppedWords } from '../../lib/search/searchDroppedWords.ts';
import type { PresentedFacets } from '../../lib/search/searchFacets.ts';
import { presentHit } from '../../lib/search/searchHitFields.ts';
import type { SearchHitData } from '../../lib/search/searchTypes.ts';
import { SelectAllMatching } from '../organizations/selection/SelectAllMatching.tsx';
import { SearchFacets } from './SearchFacets.tsx';
import { SearchResultsList } from './SearchResultsList.tsx';
import classes from './SearchPanel.module.css';
import { SearchSummary } from './SearchSummary.tsx';

/** The results of one search text, as far as they are loaded. */
export interface SearchPanelResults {
  /** The search text these results belong to. */
  query: string;
  found: number;
  outOf: number;
  searchTimeMs: number;
  facets: PresentedFacets;
  /**
   * The hits as the API sent them, each once. Presented (highlights, matched fields) here, so that
   * code loads with this panel and not with the list's first page.
   */
  hits: readonly SearchHitData[];
  /**
   * The first page's hits as the API sent them: which words they match tells which words the API
   * dropped to find anything (searchDroppedWords.ts, here so its code loads with this panel).
   */
  firstPageHits: readonly SearchHitData[];
  /** The server's `error` text sent along with the results (a 200 may carry both). */
  notice: string | null;
}

export interface SearchPanelProps {
  /** The search text the user wants results for now. */
  query: string;
  /** Results on screen: the current text's, or an older text's while the current one loads. */
  results: SearchPanelResults | null;
  /** Why the current search failed (no results of it loaded). */
  error: string | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  nextPageError: string | null;
  onRefine: (value: string) => void;
  onClear: () => void;
  hrefFor: (organizationId: string) => string;
  /** Contact counts of the first hits, by organization id, as far as they are known. */
  contactsCounts: ReadonlyMap<string, number>;
}

/**
 * Search results with their summary and facets, or the loading, empty or error state. Memoized:
 * it changes when results arrive, not with every keystroke.
 */
export const SearchPanel = memo(function SearchPanel(props: SearchPanelProps) {
  const { query, results, error, onRetry, onClear } = props;
  const stale = results !== null && results.query !== query;
  const hits = useMemo(() => results?.hits.map(presentHit) ?? [], [results?.hits]);

  if (error !== null && (results === null || stale)) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden="true" />}
        title={
          <>
            Searching for “<bdi>{query}</bdi>” failed
          </>
        }
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error}</Text>
          <Text size="sm">Try again, or clear the search to go back to the full list.</Text>
          <Group gap="xs">
            <Button size="xs" onClick={onRetry}>
              Try again
            </Button>
            <Button size="xs" variant="default" onClick={onClear}>
              Clear search
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  if (results === null) {
    return (
      <Stack gap="xs" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          Searching for “<bdi>{query}</bdi>”…
        </Text>
        {[0, 1, 2, 3, 4].map((row) => (
          <Skeleton key={row} height={46} radius="sm" />
        ))}
      </Stack>
    );
  }

  const summary = (
    <SearchSummary
      shownQuery={results.query}
      found={results.found}
      outOf={results.outOf}
      searchTimeMs={results.searchTimeMs}
      pendingQuery={stale ? query : null}
      droppedWords={droppedWords(results.query, results.firstPageHits)}
    />
  );

  if (results.found === 0 && !stale) {
    return (
      <Stack gap="sm">
        {summary}
        <Alert
          variant="light"
          color="gray"
          icon={<IconSearchOff aria-hidden="true" />}
          title="No matches"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              No organization matches “<bdi>{query}</bdi>”. Check the spelling, use fewer or shorter
              words (the start of a word is enough), or search by email, website, city or industry.
            </Text>
            <Button size="xs" variant="default" onClick={onClear}>
              Clear search and show all organizations
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" className={classes.fill}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        {summary}
        {!stale && <SelectAllMatching query={results.query} found={results.found} />}
      </Group>
      {results.notice !== null ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
          The server reported a problem with these results: {results.notice}
        </Alert>
      ) : null}
      <SearchFacets facets={results.facets} onRefine={props.onRefine} disabled={stale} />
      <SearchResultsList
        hits={hits}
        found={results.found}
        hrefFor={props.hrefFor}
        contactsCounts={props.contactsCounts}
        hasNextPage={props.hasNextPage}
        isFetchingNextPage={props.isFetchingNextPage}
        fetchNextPage={props.fetchNextPage}
        nextPageError={props.nextPageError}
        stale={stale}
        query={results.query}
      />
    </Stack>
  );
});
