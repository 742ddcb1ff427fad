import type { ListRow } from '../../../lib/organizations/listPaging.ts';
import type { PickRow } from '../selection/RowSelectBox.tsx';
import { ListNoticeRow } from './ListNoticeRow.tsx';
import { ListPlaceholderRow } from './ListPlaceholderRow.tsx';
import { OrganizationRow } from './OrganizationRow.tsx';
import classes from './OrganizationTable.module.css';
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
 * The rows in view, each at its place: an organization, a notice (rows dropped, a gap), or a
 * placeholder while its page is not held.
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
  return (
    <div
      role="rowgroup"
      className={classes.body}
      style={{ height: totalSize }}
      onClick={onRowLinkClick}
    >
      {items.map((item) => {
        const position = firstIndex + item.index;
        const top = item.start - headerHeight;
        const row = rows ? rows[position - heldStart] : undefined;
        // Keyed by organization: a row keeps its DOM (and its focus) while pages come and go.
        const key = row?.kind === 'organization' ? row.organization.id : `position:${position}`;
        if (!row) return <ListPlaceholderRow key={key} top={top} />;
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
              onReload={onReload}
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
            active={position === activeIndex}
            nowMs={nowMs}
            top={top}
            onFocusPosition={onFocusPosition}
            onPick={onPick}
          />
        );
      })}
    </div>
  );
}
