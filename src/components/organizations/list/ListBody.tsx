import { useLayoutEffect, useRef, type FocusEvent, type ReactElement } from 'react';
import type { ListRow } from '../../../lib/organizations/listPaging.ts';
import type { PickRow } from '../selection/RowSelectBox.tsx';
import { ListNoticeRow } from './ListNoticeRow.tsx';
import { ListPlaceholderRow } from './ListPlaceholderRow.tsx';
import { OrganizationRow } from './OrganizationRow.tsx';
import classes from './OrganizationTable.module.css';
import { assignRowSlots, type RowSlots } from './rowSlots.ts';
import { useRowLinkClicks } from './useRowLinkClicks.ts';
import type { WindowRow } from './useRowWindow.ts';

interface ListBodyProps {
  /** The rendered rows' places (useRowWindow.ts), counted from `firstIndex`. */
  items: readonly WindowRow[];
  /** The height of every row laid out, in pixels. */
  totalSize: number;
  headerHeight: number;
  /** The position of the first row laid out, and of the first held. */
  firstIndex: number;
  heldStart: number;
  /** The rows held; null while the first page loads (placeholders only). */
  rows: readonly ListRow[] | null;
  hrefFor: (organizationId: string) => string;
  activeIndex: number | null;
  nowMs: number;
  onFocusPosition: (position: number) => void;
  onPick: PickRow;
  onReload: () => void;
}

/**
 * The id of the element of slot `slot`. Not from useId: the server renders these rows with the
 * page (prerender.tsx) from another tree of providers, whose ids the browser's would not match,
 * and React does not correct an attribute when it adopts the server's HTML. There is one list of
 * organizations on a page.
 */
const ROW_ID_PREFIX = 'organization-list-row-';
const rowId = (slot: number) => `${ROW_ID_PREFIX}${slot}`;

function slotOfRowId(id: string): number | null {
  if (!id.startsWith(ROW_ID_PREFIX)) return null;
  const slot = Number(id.slice(ROW_ID_PREFIX.length));
  return Number.isInteger(slot) ? slot : null;
}

/**
 * The rows in view, each at its place: an organization, a notice (rows dropped, a gap), or a
 * placeholder while its page is not held. Each row is rendered in a slot (rowSlots.ts) and the
 * slots in their own order, so a row that scrolls in reuses the element of one that left.
 */
export function ListBody({
  items,
  totalSize,
  headerHeight,
  firstIndex,
  heldStart,
  rows,
  hrefFor,
  activeIndex,
  nowMs,
  onFocusPosition,
  onPick,
  onReload,
}: ListBodyProps) {
  const onRowLinkClick = useRowLinkClicks();

  const placed = items.map((item) => {
    const position = firstIndex + item.index;
    return { item, position, row: rows ? rows[position - heldStart] : undefined };
  });
  // An organization's row keeps its element (and its focus) while pages come and go.
  const keys = placed.map(({ position, row }) =>
    row?.kind === 'organization' ? row.organization.id : `position:${position}`,
  );
  // The slots last committed, and the one whose element holds the focus. Read while rendering:
  // the assignment is a pure function of them and they change only after a commit or on a focus
  // event, so a render done twice gives the same slots.
  const committed = useRef<RowSlots>(new Map());
  const focusedSlot = useRef<number | null>(null);
  // eslint-disable-next-line react-hooks/refs -- see above: a cache of the last commit, not state
  const slots = assignRowSlots(committed.current, keys, focusedSlot.current);
  useLayoutEffect(() => {
    committed.current = slots;
  });

  /** The row placed at `position`, as the element of slot `slot`. */
  const rowElement = (
    { item, position, row }: (typeof placed)[number],
    slot: number,
  ): ReactElement => {
    const top = item.start - headerHeight;
    const key = `slot:${slot}`;
    if (!row) return <ListPlaceholderRow key={key} top={top} />;
    const rowIndex = position - firstIndex + 2;
    if (row.kind !== 'organization') {
      return (
        <ListNoticeRow
          key={key}
          id={rowId(slot)}
          row={row}
          position={position}
          rowIndex={rowIndex}
          style={{ transform: `translateY(${top}px)` }}
          onReload={onReload}
        />
      );
    }
    return (
      <OrganizationRow
        key={key}
        id={rowId(slot)}
        organization={row.organization}
        href={hrefFor(row.organization.id)}
        position={position}
        rowIndex={rowIndex}
        active={position === activeIndex}
        nowMs={nowMs}
        top={top}
        onFocusPosition={onFocusPosition}
        onPick={onPick}
      />
    );
  };
  const rendered = placed.map((place, index) => {
    const slot = slots.get(keys[index]!)!;
    return { slot, element: rowElement(place, slot) };
  });
  // In the rows' order, taken before the sort by slot; placeholders are hidden from assistive
  // technology, every other row is listed.
  const owned = rendered
    .filter(({ element }) => element.type !== ListPlaceholderRow)
    .map(({ slot }) => rowId(slot));
  rendered.sort((a, b) => a.slot - b.slot);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const id = event.target.closest('[role=row]')?.id;
    focusedSlot.current = id ? slotOfRowId(id) : null;
  };
  const onBlur = () => {
    focusedSlot.current = null;
  };

  return (
    <div
      role="rowgroup"
      className={classes.body}
      style={{ height: totalSize }}
      // The rows in their order on screen: their elements are in the order of their slots.
      aria-owns={owned.length > 0 ? owned.join(' ') : undefined}
      onClick={onRowLinkClick}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {rendered.map(({ element }) => element)}
    </div>
  );
}
