import { useLayoutEffect, type RefObject } from 'react';
import type { ListWindow } from '../../../lib/organizations/listPaging.ts';

/**
 * Fetch the next page while this many rows are left below the loaded ones: a page and a half, so
 * a brisk scroll down meets rows rather than placeholders, and a page that arrives renders no row
 * in view (on a slow CPU, one that did was a long task).
 */
const LOAD_AHEAD_ROWS = 150;
/**
 * The same at the top of the list, before any scroll: less than a page, so a visit that only
 * looks at the first rows costs one request (the first scroll asks for the next page at once).
 */
const LOAD_AHEAD_AT_TOP_ROWS = 40;
/**
 * Fetch the previous page while this many rows are left above the held ones. Less than below:
 * a page arriving at one end drops one at the other (LIST_MAX_PAGES), and the two look-aheads
 * with the rows in view must stay under the rows held, or each arrival would fetch the other.
 */
const LOAD_BEHIND_ROWS = 40;
/** Rendered this far from the held rows, the list jumps to the page there (onJump). */
const FAR_ROWS = 300;

/** Where the rows lie: positions of the first laid out, the first held and after the last held. */
interface PageLoadingLayout {
  firstIndex: number;
  heldStart: number;
  endIndex: number;
  rowHeight: number;
  headerHeight: number;
}

/** The list's pages: what is there to fetch, and how. */
export interface PageControls {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: string | null;
  onLoadNext: () => void;
  hasPreviousPage: boolean;
  isFetchingPreviousPage: boolean;
  previousPageError: string | null;
  onLoadPrevious: () => void;
  /** Fetches the page seen before around a far position; false when there is none. */
  onJump: (position: number) => boolean;
  goingToEnd: boolean;
}

interface PageLoadingOptions {
  scrollRef: RefObject<HTMLElement | null>;
  /** The rows held; null while the first page loads (nothing is fetched ahead of it). */
  list: ListWindow | null;
  layout: PageLoadingLayout;
  /** The positions of the first and the last rendered row; null when none is. */
  firstRendered: number | null;
  lastRendered: number | null;
  pages: PageControls;
}

/**
 * Fetches pages as the rendered rows near the loaded edges, in both directions; jumps straight
 * to the page at a far position (a scrollbar drag, Back to a far place); and while going to the
 * end, keeps the view on the last rows as their pages arrive.
 */
export function usePageLoading({
  scrollRef,
  list,
  layout,
  firstRendered,
  lastRendered,
  pages,
}: PageLoadingOptions): void {
  const { firstIndex, heldStart, endIndex, rowHeight, headerHeight } = layout;
  const { hasNextPage, isFetchingNextPage, nextPageError, onLoadNext, onJump, goingToEnd } = pages;
  const { hasPreviousPage, isFetchingPreviousPage, previousPageError, onLoadPrevious } = pages;
  useLayoutEffect(() => {
    if (list === null || lastRendered === null || firstRendered === null) return;
    // Far below the held rows (a scrollbar drag): the page there, not every page in between.
    if (firstRendered > endIndex + FAR_ROWS && onJump(firstRendered)) return;
    if (!hasNextPage || isFetchingNextPage || nextPageError !== null) return;
    const ahead = firstRendered > 0 ? LOAD_AHEAD_ROWS : LOAD_AHEAD_AT_TOP_ROWS;
    if (lastRendered >= endIndex - ahead) onLoadNext();
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
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!goingToEnd || element === null) return;
    element.scrollTop = headerHeight + (endIndex - firstIndex) * rowHeight - element.clientHeight;
  }, [scrollRef, goingToEnd, endIndex, firstIndex, headerHeight, rowHeight]);
  useLayoutEffect(() => {
    if (list === null || firstRendered === null || goingToEnd) return;
    // Far above the held rows (a drag, Back to a far place): the page there directly.
    if (firstRendered < heldStart - FAR_ROWS && onJump(firstRendered)) return;
    if (!hasPreviousPage || isFetchingPreviousPage || previousPageError !== null) return;
    if (firstRendered < heldStart + LOAD_BEHIND_ROWS) onLoadPrevious();
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
}
