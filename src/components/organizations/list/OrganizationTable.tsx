import { useRef, useState } from 'react';
import type { ListWindow } from '../../../lib/organizations/listPaging.ts';
import { toggleFocusedRowBox } from '../selection/selectionKeys.ts';
import { ListBody } from './ListBody.tsx';
import { ListFooter, type ListFooterProps } from './ListFooter.tsx';
import { ListHeaderRow } from './ListHeaderRow.tsx';
import classes from './OrganizationTable.module.css';
import { recallListPosition } from './scrollMemory.ts';
import { useListKeyboard } from './useListKeyboard.ts';
import { useListPosition } from './useListPosition.ts';
import { usePageLoading } from './usePageLoading.ts';
import { useRangePick } from './useRangePick.ts';
import { useRowWindow } from './useRowWindow.ts';
import { useScrollAnchor } from './useScrollAnchor.ts';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
const OVERSCAN_ROWS = 8;
const SKELETON_ROWS = 12;
const LOADING_FRAME_HEIGHT = HEADER_HEIGHT + SKELETON_ROWS * ROW_HEIGHT;

export interface OrganizationTableProps extends Omit<
  ListFooterProps,
  'loadedCount' | 'onStopGoingToEnd' | 'goingToEnd'
> {
  /** The rows held and their positions; null while the first page loads (skeleton rows). */
  list: (ListWindow & { knownEndIndex: number }) | null;
  hrefFor: (organizationId: string) => string;
  hasPreviousPage: boolean;
  isFetchingPreviousPage: boolean;
  previousPageError: string | null;
  onLoadPrevious: () => void;
  /** Fetches the page seen before around a far position; false when there is none. */
  onJump: (position: number) => boolean;
  onRestartFromTop: () => void;
  goingToEnd: boolean;
  onGoToEnd: () => void;
  onStopGoingToEnd: () => void;
  /** Identifies the visit (history entry) whose scroll position to keep and restore. */
  positionKey: string;
  nowMs: number;
}

const NO_ROWS: NonNullable<OrganizationTableProps['list']>['rows'] = [];

/**
 * The organizations as a virtualized table in its own scroll area: only rows near the viewport
 * are in the DOM (useRowWindow.ts), pages load ahead in both directions (usePageLoading.ts), rows
 * stay put when rows arrive above them (useScrollAnchor.ts), and the scroll position survives a
 * visit to an organization and back (useListPosition.ts).
 */
export function OrganizationTable(props: OrganizationTableProps) {
  const { list, hrefFor, positionKey, nowMs } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [saved] = useState(() => recallListPosition(positionKey));
  const firstIndex = list?.firstIndex ?? 0;
  const heldStart = list?.heldStart ?? 0;
  const endIndex = list?.endIndex ?? SKELETON_ROWS;
  // Rows dropped below the held ones keep their place (as skeletons until fetched again).
  const knownEndIndex = Math.max(endIndex, list?.knownEndIndex ?? 0);
  const rows = list?.rows ?? NO_ROWS;
  const layout = {
    firstIndex,
    heldStart,
    endIndex,
    rows,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
  };

  // Before the keyboard's effects: End's move, made when the last pages arrive, must come after
  // the anchor has held the rows in view still, not be undone by it.
  const takeAnchor = useScrollAnchor(scrollRef, layout);
  const keyboard = useListKeyboard({
    scrollRef,
    layout,
    initialActive: saved?.activeIndex ?? null,
    onRestartFromTop: props.onRestartFromTop,
    ended: props.ended,
    goingToEnd: props.goingToEnd,
    onGoToEnd: props.onGoToEnd,
    onStopGoingToEnd: props.onStopGoingToEnd,
  });

  const { rows: items, totalSize } = useRowWindow({
    scrollRef,
    count: knownEndIndex - firstIndex,
    rowHeight: ROW_HEIGHT,
    offsetTop: HEADER_HEIGHT,
    overscan: OVERSCAN_ROWS,
    initialScrollTop: saved?.scrollTop ?? 0,
    // Before the scroll area is measured, room for the placeholder rows: the server renders the
    // loading frame (prerender.tsx) with them, and the browser's first render must match it.
    initialHeight: LOADING_FRAME_HEIGHT,
  });
  const firstRendered = items.length > 0 ? firstIndex + items[0]!.index : null;
  const lastRendered = items.length > 0 ? firstIndex + items[items.length - 1]!.index : null;

  const keepScrollTop = useListPosition({
    scrollRef,
    positionKey,
    saved,
    hasRows: list !== null,
    activeIndex: keyboard.activeIndex,
  });
  usePageLoading({ scrollRef, list, layout, firstRendered, lastRendered, pages: props });
  const { hasNextPage, isFetchingNextPage, nextPageError, onLoadNext } = props;
  const { isFetchingPreviousPage } = props;
  const onPick = useRangePick(rows);

  const activeRendered =
    keyboard.activeIndex !== null &&
    items.some((item) => firstIndex + item.index === keyboard.activeIndex);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="region"
      aria-label="Organizations list"
      tabIndex={activeRendered ? -1 : 0}
      onKeyDown={(event) => {
        if (!toggleFocusedRowBox(event)) keyboard.onKeyDown(event);
      }}
      onFocus={keyboard.onContainerFocus}
      onScroll={(event) => {
        takeAnchor();
        keepScrollTop(event.currentTarget.scrollTop);
      }}
    >
      <div
        role="table"
        aria-label="Organizations"
        aria-rowcount={props.ended && list ? knownEndIndex - firstIndex + 1 : -1}
        aria-busy={list === null || isFetchingNextPage || isFetchingPreviousPage}
        className={classes.table}
      >
        <ListHeaderRow />
        <ListBody
          items={items}
          totalSize={totalSize}
          headerHeight={HEADER_HEIGHT}
          firstIndex={firstIndex}
          heldStart={heldStart}
          rows={list ? rows : null}
          hrefFor={hrefFor}
          activeIndex={keyboard.activeIndex}
          nowMs={nowMs}
          onFocusPosition={keyboard.setActiveIndex}
          onPick={onPick}
          onReload={props.onRestartFromTop}
        />
      </div>
      {list !== null && (
        <ListFooter
          loadedCount={list.loadedCount}
          total={props.total}
          goingToEnd={props.goingToEnd}
          onStopGoingToEnd={props.onStopGoingToEnd}
          paused={props.paused}
          ended={props.ended}
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          nextPageError={nextPageError}
          onLoadNext={onLoadNext}
        />
      )}
    </div>
  );
}
