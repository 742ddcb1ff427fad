import { useLayoutEffect, useRef, type RefObject } from 'react';
import { rememberListPosition, type ListScrollPosition } from './scrollMemory.ts';

interface ListPositionOptions {
  scrollRef: RefObject<HTMLElement | null>;
  /** Identifies the visit (history entry) whose position to keep and restore. */
  positionKey: string;
  /** The position kept when this visit was left before (scrollMemory.ts). */
  saved: ListScrollPosition | undefined;
  /** Whether rows are held (a position is restored only over rows). */
  hasRows: boolean;
  /** The keyboard's highlighted row. */
  activeIndex: number | null;
}

/**
 * Back from an organization: the same rows (from the cache) at the same place. Restores the
 * saved scroll position once per visit and keeps the current one when the list is left. Returns
 * the handler to call with the scroll position on every scroll.
 */
export function useListPosition({
  scrollRef,
  positionKey,
  saved,
  hasRows,
  activeIndex,
}: ListPositionOptions): (scrollTop: number) => void {
  const positionRef = useRef({ scrollTop: saved?.scrollTop ?? 0, activeIndex });
  useLayoutEffect(() => {
    positionRef.current.activeIndex = activeIndex;
  });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && saved && hasRows) element.scrollTop = saved.scrollTop;
    const position = positionRef.current;
    return () => rememberListPosition(positionKey, { ...position });
    // Once per visit: later scrolling is the reader's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [positionKey]);
  return (scrollTop) => {
    positionRef.current.scrollTop = scrollTop;
  };
}
