import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { idsBetween } from '../../../lib/organizations/organizationSelection.ts';
import type { ListWindow } from '../../../lib/organizations/listPaging.ts';
import { ListFooter, type ListFooterProps } from './ListFooter.tsx';
import { ListNoticeRow } from './ListNoticeRow.tsx';
import { LIST_COLUMNS, OrganizationRow } from './OrganizationRow.tsx';
import classes from './OrganizationTable.module.css';
import type { PickRow } from '../selection/RowSelectBox.tsx';
import { toggleFocusedRowBox } from '../selection/selectionKeys.ts';
import { recallListPosition, rememberListPosition } from './scrollMemory.ts';
import { useListKeyboard } from './useListKeyboard.ts';
import { useRowWindow } from './useRowWindow.ts';
import { useScrollAnchor } from './useScrollAnchor.ts';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
const OVERSCAN_ROWS = 8;
/** Fetch the next (or previous) page while this many rows are left before the loaded edge. */
const LOAD_AHEAD_ROWS = 40;
/** Rendered this far from the held rows, the list jumps to the page there (onJump). */
const FAR_ROWS = 300;
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

function HeaderRow() {
  return (
    <div role="rowgroup" className={classes.headerGroup}>
      <div role="row" aria-rowindex={1} className={classes.headerRow}>
        {LIST_COLUMNS.map((column) => (
          <div
            key={column}
            role="columnheader"
            className={
              column === 'Size' ? `${classes.headerCell} ${classes.numeric}` : classes.headerCell
            }
          >
            {column}
          </div>
        ))}
      </div>
    </div>
  );
}

function PlaceholderRow({ top }: { top: number }) {
  return (
    <div
      aria-hidden="true"
      className={classes.placeholder}
      style={{ transform: `translateY(${top}px)` }}
    >
      {LIST_COLUMNS.map((column) => (
        <span key={column} className={classes.placeholderBar} />
      ))}
    </div>
  );
}

const NO_ROWS: NonNullable<OrganizationTableProps['list']>['rows'] = [];

/**
 * The organizations as a virtualized table in its own scroll area: only rows near the viewport
 * are in the DOM, pages load ahead in both directions, rows stay put when rows arrive above them,
 * and the scroll position survives a visit to an organization and back.
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

  // Back from an organization: the same rows (from the cache) at the same place.
  const positionRef = useRef({
    scrollTop: saved?.scrollTop ?? 0,
    activeIndex: keyboard.activeIndex,
  });
  useLayoutEffect(() => {
    positionRef.current.activeIndex = keyboard.activeIndex;
  });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && saved && list) element.scrollTop = saved.scrollTop;
    const position = positionRef.current;
    return () => rememberListPosition(positionKey, { ...position });
    // Once per visit: later scrolling is the reader's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [positionKey]);

  const { hasNextPage, isFetchingNextPage, nextPageError, onLoadNext } = props;
  const { hasPreviousPage, isFetchingPreviousPage, previousPageError, onLoadPrevious } = props;
  const { onJump } = props;
  useLayoutEffect(() => {
    if (list === null || lastRendered === null || firstRendered === null) return;
    // Far below the held rows (a scrollbar drag): the page there, not every page in between.
    if (firstRendered > endIndex + FAR_ROWS && onJump(firstRendered)) return;
    if (!hasNextPage || isFetchingNextPage || nextPageError !== null) return;
    if (lastRendered >= endIndex - LOAD_AHEAD_ROWS) onLoadNext();
  }, [
    list,
    firstRendered,
    lastRendered,
    endIndex,
    hasNextPage,
    isFetchingNextPage,
    nextPageError,
    onLoadNext,
    onJump,
  ]);
  // Going to the end: the view follows the pages as they arrive (and fetches none above, which
  // would drop the last page again while the walk adds the next).
  const { goingToEnd } = props;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!goingToEnd || element === null) return;
    element.scrollTop = HEADER_HEIGHT + (endIndex - firstIndex) * ROW_HEIGHT - element.clientHeight;
  }, [goingToEnd, endIndex, firstIndex]);
  useLayoutEffect(() => {
    if (list === null || firstRendered === null || goingToEnd) return;
    // Far above the held rows (a drag, Back to a far place): the page there directly.
    if (firstRendered < heldStart - FAR_ROWS && onJump(firstRendered)) return;
    if (!hasPreviousPage || isFetchingPreviousPage || previousPageError !== null) return;
    if (firstRendered < heldStart + LOAD_AHEAD_ROWS) onLoadPrevious();
  }, [
    list,
    firstRendered,
    heldStart,
    goingToEnd,
    hasPreviousPage,
    isFetchingPreviousPage,
    previousPageError,
    onLoadPrevious,
    onJump,
  ]);

  // A Shift+click range runs over the rows held now (what the person sees and scrolled through).
  const heldRows = useRef(rows);
  useLayoutEffect(() => {
    heldRows.current = rows;
  });
  const onPick = useCallback<PickRow>((selection, id, checked, shiftKey) => {
    const anchor = selection.anchor();
    const range =
      shiftKey && anchor !== null
        ? idsBetween(
            heldRows.current.flatMap((row) =>
              row.kind === 'organization' ? [row.organization.id] : [],
            ),
            anchor,
            id,
          )
        : null;
    selection.set(range ?? [id], !checked);
  }, []);

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
        positionRef.current.scrollTop = event.currentTarget.scrollTop;
      }}
    >
      <div
        role="table"
        aria-label="Organizations"
        aria-rowcount={props.ended && list ? knownEndIndex - firstIndex + 1 : -1}
        aria-busy={list === null || isFetchingNextPage || isFetchingPreviousPage}
        className={classes.table}
      >
        <HeaderRow />
        <div role="rowgroup" className={classes.body} style={{ height: totalSize }}>
          {items.map((item) => {
            const position = firstIndex + item.index;
            const top = item.start - HEADER_HEIGHT;
            const row = list ? rows[position - heldStart] : undefined;
            // Keyed by organization: a row keeps its DOM (and its focus) while pages come and go.
            const key = row?.kind === 'organization' ? row.organization.id : `position:${position}`;
            if (!row) return <PlaceholderRow key={key} top={top} />;
            const style = { transform: `translateY(${top}px)` };
            const rowIndex = position - firstIndex + 2;
            if (row.kind !== 'organization') {
              return (
                <ListNoticeRow
                  key={key}
                  row={row}
                  position={position}
                  rowIndex={rowIndex}
                  style={style}
                  onReload={props.onRestartFromTop}
                />
              );
            }
            return (
              <OrganizationRow
                key={key}
                organization={row.organization}
                href={hrefFor(row.organization.id)}
                position={position}
                rowIndex={rowIndex}
                active={position === keyboard.activeIndex}
                nowMs={nowMs}
                top={top}
                onFocusPosition={keyboard.setActiveIndex}
                onPick={onPick}
              />
            );
          })}
        </div>
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
