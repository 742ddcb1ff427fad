// When the list fetches the next and the previous page: far enough ahead that a brisk scroll down
// meets rows, not placeholders, and never so far that a page arriving at one end fetches the
// other again (LIST_MAX_PAGES drops a page at the far end for each one that arrives).
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LIST_MAX_PAGES, LIST_PAGE_SIZE } from '../../../hooks/queries/organizationListQueries.ts';
import { listWindow } from '../../../lib/organizations/listPaging.ts';
import { usePageLoading, type PageControls } from './usePageLoading.ts';

const HELD = LIST_MAX_PAGES * LIST_PAGE_SIZE;
/** Rows rendered at once at the benchmark's window height (about 19 in view and 8 on each side). */
const RENDERED = 35;

function fetchesAt(heldStart: number, firstRendered: number, held = HELD) {
  const calls: string[] = [];
  const pages: PageControls = {
    hasNextPage: true,
    isFetchingNextPage: false,
    nextPageError: null,
    onLoadNext: () => calls.push('next'),
    hasPreviousPage: heldStart > 0,
    isFetchingPreviousPage: false,
    previousPageError: null,
    onLoadPrevious: () => calls.push('previous'),
    onJump: () => false,
    goingToEnd: false,
  };
  renderHook(() =>
    usePageLoading({
      scrollRef: { current: null },
      list: listWindow([]),
      layout: {
        firstIndex: 0,
        heldStart,
        endIndex: heldStart + held,
        rowHeight: 44,
        headerHeight: 40,
      },
      firstRendered,
      lastRendered: firstRendered + RENDERED - 1,
      pages,
    }),
  );
  return calls;
}

describe('usePageLoading', () => {
  it('fetches the next page a page and a half before the held rows end, not sooner', () => {
    // The first row rendered when the last one is `rowsLeft` rows before the held ones end.
    const lastBeforeEnd = (rowsLeft: number) => 1000 + HELD - rowsLeft - RENDERED + 1;
    expect(fetchesAt(1000, lastBeforeEnd(150))).toEqual(['next']);
    expect(fetchesAt(1000, lastBeforeEnd(200))).toEqual([]);
  });

  it('at the top, before any scroll, fetches nothing beyond the first page', () => {
    expect(fetchesAt(0, 0, LIST_PAGE_SIZE)).toEqual([]);
    // The first scroll past the rows rendered above the view asks for the next page.
    expect(fetchesAt(0, 1, LIST_PAGE_SIZE)).toEqual(['next']);
  });

  it('fetches the previous page only near the first held row', () => {
    expect(fetchesAt(1000, 1030)).toEqual(['previous']);
    expect(fetchesAt(1000, 1100)).toEqual([]);
  });

  it('a page arriving at either end does not make the other end fetch', () => {
    // Scrolling down: the next page is fetched at the first position that asks for it; when it
    // arrives the first held page is dropped, and the view is where it was.
    let first = 1000 + 100;
    while (fetchesAt(1000, first).length === 0) first += 8;
    expect(fetchesAt(1000, first)).toEqual(['next']);
    expect(fetchesAt(1000 + LIST_PAGE_SIZE, first)).toEqual([]);
    // Scrolling up: the previous page arrives and the last held page is dropped.
    first = 1000 + 200;
    while (fetchesAt(1000, first).length === 0) first -= 8;
    expect(fetchesAt(1000, first)).toEqual(['previous']);
    expect(fetchesAt(1000 - LIST_PAGE_SIZE, first)).toEqual([]);
  });
});
