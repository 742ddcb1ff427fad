import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { ListRow } from '../../../lib/organizations/listPaging.ts';

interface KeyboardLayout {
  firstIndex: number;
  heldStart: number;
  endIndex: number;
  rows: readonly ListRow[];
  rowHeight: number;
  headerHeight: number;
}

interface ListKeyboardOptions {
  scrollRef: RefObject<HTMLElement | null>;
  layout: KeyboardLayout;
  initialActive: number | null;
  /** Home when the top rows were dropped: start the list again from the newest. */
  onRestartFromTop: () => void;
  /** The whole list is loaded. */
  ended: boolean;
  /** End before the list is loaded to its end: fetch on to it (then End's move is made). */
  onGoToEnd: () => void;
  /** The walk to the end has stopped (reached, failed or stopped). */
  goingToEnd: boolean;
  onStopGoingToEnd: () => void;
}

function isOrganization(rows: readonly ListRow[], heldStart: number, position: number): boolean {
  return rows[position - heldStart]?.kind === 'organization';
}

/**
 * Roving focus over the rows' links: Up/Down move the highlighted row (and focus), PageUp/
 * PageDown by a screenful, Home/End to the first and the last row of the whole list (End fetches
 * the pages to the end first, Escape stops it; Home starts again from the newest when the top
 * rows were dropped); Enter opens the focused
 * link natively. The active row is the table's single tab stop.
 */
export function useListKeyboard({
  scrollRef,
  layout,
  initialActive,
  onRestartFromTop,
  ended,
  onGoToEnd,
  goingToEnd,
  onStopGoingToEnd,
}: ListKeyboardOptions) {
  const [activeIndex, setActiveIndex] = useState<number | null>(initialActive);
  /** The row a keyboard move is bringing the focus to, until its link is rendered. */
  const pendingFocus = useRef<number | null>(null);
  /** End was pressed before the list was loaded to its end: move there once it is. */
  const endWanted = useRef(false);

  const { firstIndex, heldStart, endIndex, rows, rowHeight, headerHeight } = layout;

  /** Scrolls the least needed to show row `position` below the sticky header. */
  const reveal = useCallback(
    (position: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = headerHeight + (position - firstIndex) * rowHeight;
      if (top - headerHeight < element.scrollTop) element.scrollTop = top - headerHeight;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) {
        element.scrollTop = top + rowHeight - element.clientHeight;
      }
    },
    [scrollRef, firstIndex, rowHeight, headerHeight],
  );

  const moveTo = useCallback(
    (position: number, direction: 1 | -1) => {
      let target = Math.min(endIndex - 1, Math.max(heldStart, position));
      // Notices are not stops: continue in the direction of travel, else turn back.
      while (target < endIndex && target >= heldStart && !isOrganization(rows, heldStart, target)) {
        target += direction;
      }
      if (!isOrganization(rows, heldStart, target)) return;
      pendingFocus.current = target;
      setActiveIndex(target);
      reveal(target);
    },
    [endIndex, heldStart, rows, reveal],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const element = scrollRef.current;
    const pageRows = element
      ? Math.max(1, Math.floor((element.clientHeight - headerHeight) / rowHeight) - 1)
      : 10;
    const current = activeIndex ?? firstInView() - 1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1, 1);
        break;
      case 'ArrowUp':
        moveTo(current - 1, -1);
        break;
      case 'PageDown':
        moveTo(current + pageRows, 1);
        break;
      case 'PageUp':
        moveTo(current - pageRows, -1);
        break;
      case 'Home':
        if (heldStart > firstIndex) {
          // The top rows were dropped to bound memory: load the list again from the newest.
          onRestartFromTop();
          pendingFocus.current = 0;
          setActiveIndex(0);
          if (element) element.scrollTop = 0;
        } else {
          moveTo(firstIndex, 1);
        }
        break;
      case 'End':
        if (ended) moveTo(endIndex - 1, -1);
        else {
          endWanted.current = true;
          onGoToEnd();
        }
        break;
      case 'Escape':
        if (!goingToEnd) return;
        endWanted.current = false;
        onStopGoingToEnd();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** The first row wholly below the sticky header. */
  function firstInView(): number {
    const element = scrollRef.current;
    const scrolled = element ? Math.ceil(element.scrollTop / rowHeight) : 0;
    return Math.max(heldStart, firstIndex + scrolled);
  }

  /**
   * Focus arriving on the scroll area itself (its tab stop while the active row is scrolled out
   * of the DOM) goes to the first row in view.
   */
  const onContainerFocus = (event: FocusEvent<HTMLElement>) => {
    if (event.target === event.currentTarget) moveTo(firstInView(), 1);
  };

  // The end is loaded: End's move, to the last row.
  useLayoutEffect(() => {
    if (!endWanted.current || goingToEnd) return;
    endWanted.current = false;
    // The move End asked for, made when the pages it waited for have arrived (an outside event).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (ended) moveTo(endIndex - 1, -1);
  }, [goingToEnd, ended, endIndex, moveTo]);

  // After a keyboard move, focus the row's link once it is rendered.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(
      `[data-position="${target}"] a`,
    );
    if (link) {
      pendingFocus.current = null;
      link.focus({ preventScroll: true });
    }
  });

  return { activeIndex, setActiveIndex, onKeyDown, onContainerFocus };
}
