// Which rows of a list of fixed-height rows to render: those in view and `overscan` more on each
// side, from the scroll position of its scroll area. The organizations list's rows all have one
// height, so the window is arithmetic: no per-row measurements to rebuild when rows arrive (the
// general virtualizer rebuilt one per row of the whole list, up to the 10,000th, on every page
// that arrived: long tasks while scrolling on a slow CPU), and ~8 KB gzip less on the list's
// first load. The search results, contacts and audit trail, whose rows vary in height, keep
// @tanstack/react-virtual.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindowOptions {
  scrollRef: RefObject<HTMLElement | null>;
  count: number;
  rowHeight: number;
  /** Space above the first row inside the scroll area (the sticky header row). */
  offsetTop: number;
  overscan: number;
  /** The scroll position before the first scroll event (a restored position). */
  initialScrollTop: number;
  /**
   * The scroll area's height until it is measured: the server renders with it, and the browser's
   * first render (adopting that HTML) must render the same rows.
   */
  initialHeight: number;
}

export interface WindowRow {
  index: number;
  /** The row's top in the scroll area, `offsetTop` included (px). */
  start: number;
}

interface Viewport {
  scrollTop: number;
  height: number;
}

interface Range {
  first: number;
  last: number;
}

/** The rows in view at `viewport`, before overscan and before clamping to the row count. */
export function rowsInView(viewport: Viewport, rowHeight: number, offsetTop: number): Range {
  const first = Math.max(0, Math.floor((viewport.scrollTop - offsetTop) / rowHeight));
  const last = Math.ceil((viewport.scrollTop + viewport.height - offsetTop) / rowHeight) - 1;
  return { first, last: Math.max(first, last) };
}

/** The rows rendered for `inView`: `overscan` more on each side, within the `count` rows. */
export function renderedRows(inView: Range, overscan: number, count: number): Range {
  return {
    first: Math.max(0, inView.first - overscan),
    last: Math.min(count - 1, inView.last + overscan),
  };
}

/**
 * Whether the rows rendered already show every row of `inView` that exists: then the rows for a
 * new scroll position can render after the frame, not in it.
 */
export function showsAllOf(rendered: Range, inView: Range, count: number): boolean {
  return rendered.first <= inView.first && rendered.last >= Math.min(inView.last, count - 1);
}

/**
 * The rows to render and the height of all rows. Renders again only when the range of rows in
 * view changes. When the rows rendered (the overscan) still fill the view, as they do for a
 * scroll of up to `overscan` rows a frame, the new rows render, and are laid out, in a task of
 * their own after the frame: a frame never carries the rows' render and layout as well as its
 * own paint (`npm run bench`: long tasks while scrolling). Otherwise they render in the scroll
 * event's own task (flushSync, as react-virtual does), so a fast scroll never paints a frame
 * without its rows.
 *
 * That task of their own is posted by this hook, and the new range is set only when it runs: a
 * state update made in the scroll event would wait in React for its task, and any render that
 * came first (a page of the list arriving: TanStack Query's notification is a timer, and a
 * store's update renders at once) would render the rows too, in the same task as its own work.
 */
export function useRowWindow(options: RowWindowOptions): {
  rows: WindowRow[];
  totalSize: number;
} {
  const { scrollRef, count, rowHeight, offsetTop, overscan } = options;
  const [range, setRange] = useState(() =>
    rowsInView(
      { scrollTop: options.initialScrollTop, height: options.initialHeight },
      rowHeight,
      offsetTop,
    ),
  );

  // What is rendered, for the scroll handler (it must not wait for a render to know).
  const renderedRef = useRef({ range, overscan, count });
  // A render after the frame lays its rows out in its own task (reading a size does it), not in
  // the next frame: that frame then has only its paint to do. Either task alone stays short on a
  // slow CPU; the two together were most of the long tasks while scrolling.
  const layoutAfterRender = useRef(false);
  useLayoutEffect(() => {
    renderedRef.current = { range, overscan, count };
    if (layoutAfterRender.current) {
      layoutAfterRender.current = false;
      void scrollRef.current?.offsetHeight;
    }
  });

  // The range a scroll event left for the task below: the rows of that event's position, not
  // of the position when the task runs (a frame between them may have scrolled further, and its
  // own scroll event renders those rows in the next task).
  const rangeForTask = useRef<Range | null>(null);
  const show = useCallback((next: Range, sync: boolean) => {
    const apply = () =>
      setRange((current) =>
        current.first === next.first && current.last === next.last ? current : next,
      );
    if (sync) flushSync(apply);
    else apply();
  }, []);

  const update = useCallback(
    (scrolled: boolean, renderInTask: (() => void) | null) => {
      const element = scrollRef.current;
      if (element === null) return;
      const next = rowsInView(
        { scrollTop: element.scrollTop, height: element.clientHeight },
        rowHeight,
        offsetTop,
      );
      rangeForTask.current = null;
      const rendered = renderedRef.current;
      const shown = renderedRows(rendered.range, rendered.overscan, rendered.count);
      if (scrolled && !showsAllOf(shown, next, rendered.count)) {
        show(next, true);
        return;
      }
      // Only a range that changes renders; a flag left for no render would make some later
      // render (a page arriving, a focus move) lay out for it.
      const { range: shownRange } = rendered;
      if (shownRange.first === next.first && shownRange.last === next.last) return;
      if (renderInTask === null) {
        layoutAfterRender.current = true;
        show(next, false);
      } else {
        rangeForTask.current = next;
        renderInTask();
      }
    },
    [scrollRef, rowHeight, offsetTop, show],
  );

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    // Measured before the first paint of the browser's own render.
    update(false, null);
    const task = new MessageChannel();
    let posted = false;
    task.port1.onmessage = () => {
      posted = false;
      const next = rangeForTask.current;
      rangeForTask.current = null;
      if (next === null) return;
      layoutAfterRender.current = true;
      show(next, true);
    };
    const renderInTask = () => {
      if (posted) return;
      posted = true;
      task.port2.postMessage(null);
    };
    const onScroll = () => update(true, renderInTask);
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => update(false, null));
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      task.port1.close();
    };
  }, [scrollRef, update, show]);

  const rows: WindowRow[] = [];
  const { first, last } = renderedRows(range, overscan, count);
  for (let index = first; index <= last; index++) {
    rows.push({ index, start: offsetTop + index * rowHeight });
  }
  return { rows, totalSize: count * rowHeight };
}
