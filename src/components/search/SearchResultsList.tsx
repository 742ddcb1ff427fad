import { Button, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { idsBetween } from '../../lib/organizations/organizationSelection.ts';
import type { PresentedHit } from '../../lib/search/searchHitFields.ts';
import { RowSelectBox, type PickRow } from '../organizations/selection/RowSelectBox.tsx';
import selectionClasses from '../organizations/selection/Selection.module.css';
import { toggleFocusedRowBox } from '../organizations/selection/selectionKeys.ts';
import { SEARCH_ROW_HEIGHT, SearchHitRow } from './SearchHitRow.tsx';
import { focusSearchBox, registerFirstResultFocus } from './resultsFocus.ts';
import classes from './SearchResultsList.module.css';

interface SearchResultsListProps {
  hits: readonly PresentedHit[];
  /** Contact counts of the first hits, by organization id, as far as they are known. */
  contactsCounts: ReadonlyMap<string, number>;
  /** Total found, for the list's size as assistive technology announces it. */
  found: number;
  hrefFor: (organizationId: string) => string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Why the next page failed, if it did (the rows already loaded stay). */
  nextPageError: string | null;
  /** The rows belong to an older search text while a newer one loads. */
  stale: boolean;
  /** The search text the hits are for ("all matching" it checks every row's box). */
  query: string;
}

/** Rows rendered beyond each edge of the view once the list is scrolled. */
const SCROLL_OVERSCAN_ROWS = 8;

/** Loads the next page when this many rows are left below the last rendered one. */
const LOAD_AHEAD_ROWS = 15;

/**
 * The hits as a virtualized, infinitely paged list in its own scroll area: only the rows near
 * the viewport are in the DOM, and the next page is requested before the end is reached.
 * Memoized: typing re-renders the page, and the rows need not follow until their hits change.
 */
export const SearchResultsList = memo(function SearchResultsList({
  hits,
  contactsCounts,
  found,
  hrefFor,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  nextPageError,
  stale,
  query,
}: SearchResultsListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows past the view are rendered only once the user moves in the list: until then each set of
  // results (one per keystroke) mounts the rows in view and one more, not eight more (12 rows, not
  // 19, at 1,440 × 900). `npm run bench`'s search p95 at CPU ×4, interleaved over three rounds:
  // 187–264 ms with this, 253–323 ms without.
  const [moved, setMoved] = useState(false);
  const markMoved = moved ? undefined : () => setMoved(true);
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SEARCH_ROW_HEIGHT,
    overscan: moved ? SCROLL_OVERSCAN_ROWS : 1,
    getItemKey: (index) => hits[index]?.organization.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items[items.length - 1]?.index ?? -1;

  // ↓/↑ move the focus from row to row (each row is a link: Enter opens it), scrolling the
  // virtualized list to rows not yet rendered; ↑ on the first row goes back to the search box.
  const focusRow = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      if (scroller === null || index < 0 || index >= hits.length) return false;
      const find = () => scroller.querySelector<HTMLElement>(`[data-index="${index}"] a`);
      const row = find();
      if (row !== null) {
        row.focus();
        virtualizer.scrollToIndex(index, { align: 'auto' });
        return true;
      }
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => find()?.focus());
      return true;
    },
    [hits.length, virtualizer],
  );
  useEffect(() => registerFirstResultFocus(() => focusRow(0)), [focusRow]);
  // A click on a result's box, reading the hits loaded now: Shift checks the range from the last
  // one; unchecking one of "all matching" keeps every other loaded result.
  const hitsNow = useRef(hits);
  useEffect(() => {
    hitsNow.current = hits;
  });
  const onPick = useCallback<PickRow>((selection, id, checked, shiftKey) => {
    const loaded = hitsNow.current.map((hit) => hit.organization.id);
    if (checked && selection.snapshot().search !== null) {
      selection.set(
        loaded.filter((other) => other !== id),
        true,
      );
      return;
    }
    const anchor = selection.anchor();
    const range = shiftKey && anchor !== null ? idsBetween(loaded, anchor, id) : null;
    selection.set(range ?? [id], !checked);
  }, []);
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (toggleFocusedRowBox(event)) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (item === null) return;
    const index = Number(item.dataset.index);
    event.preventDefault();
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (index === 0) focusSearchBox();
    else focusRow(index - 1);
  };

  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || nextPageError !== null) return;
    if (lastRendered >= hits.length - LOAD_AHEAD_ROWS) fetchNextPage();
  }, [lastRendered, hits.length, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      data-stale={stale || undefined}
      aria-busy={stale || isFetchingNextPage}
      onKeyDown={handleKeyDown}
      onScroll={markMoved}
      onWheel={markMoved}
      onTouchStart={markMoved}
    >
      <div role="list" aria-label="Search results" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const hit = hits[item.index];
          if (!hit) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={found}
              aria-posinset={item.index + 1}
              data-index={item.index}
              className={`${classes.item} ${selectionClasses.hitItem}`}
              style={{ transform: `translateY(${item.start}px)`, height: SEARCH_ROW_HEIGHT }}
            >
              <RowSelectBox
                id={hit.organization.id}
                name={hit.organization.name}
                onPick={onPick}
                allOf={query}
              />
              <SearchHitRow
                hit={hit}
                href={hrefFor(hit.organization.id)}
                contactsCount={contactsCounts.get(hit.organization.id)}
              />
            </div>
          );
        })}
      </div>
      <div className={classes.footer}>
        {nextPageError !== null ? (
          <Group gap="sm" justify="center">
            <Text size="sm" c="red">
              Couldn’t load more results: {nextPageError}
            </Text>
            <Button size="compact-sm" variant="light" onClick={fetchNextPage}>
              Try again
            </Button>
          </Group>
        ) : isFetchingNextPage ? (
          <Group gap="xs" justify="center">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Loading more results…
            </Text>
          </Group>
        ) : !hasNextPage && hits.length > 0 ? (
          <Text size="sm" c="dimmed" ta="center">
            End of results · {hits.length.toLocaleString('en')} shown
          </Text>
        ) : null}
      </div>
    </div>
  );
});
