import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ListRow } from '../../../lib/organizations/listPaging.ts';

interface Anchor {
  id: string;
  /** The anchor row's top minus the scroll position when it was taken. */
  offsetPx: number;
}

interface AnchorLayout {
  firstIndex: number;
  heldStart: number;
  rows: readonly ListRow[];
  rowHeight: number;
  headerHeight: number;
}

function rowTop(layout: AnchorLayout, position: number): number {
  return layout.headerHeight + (position - layout.firstIndex) * layout.rowHeight;
}

/**
 * Keeps the rows under the reader still when rows are added or removed above them (a refetch
 * that brings new organizations to the top, a page fetched again above the held ones): the first
 * organization in view stays where it was. At the very top nothing is held still, so new
 * organizations come into view there. Returns the handler to call on every scroll.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  layout: AnchorLayout,
): () => void {
  const anchor = useRef<Anchor | null>(null);
  const layoutRef = useRef(layout);

  const takeAnchor = () => {
    const element = scrollRef.current;
    const current = layoutRef.current;
    if (!element) return;
    const { scrollTop } = element;
    const firstInView = current.firstIndex + Math.ceil(Math.max(0, scrollTop) / current.rowHeight);
    const row = current.rows[firstInView - current.heldStart];
    anchor.current =
      scrollTop > 0 && row?.kind === 'organization'
        ? { id: row.organization.id, offsetPx: rowTop(current, firstInView) - scrollTop }
        : null;
  };

  useLayoutEffect(() => {
    layoutRef.current = layout;
    const element = scrollRef.current;
    const held = anchor.current;
    if (element && held) {
      const index = layout.rows.findIndex(
        (row) => row.kind === 'organization' && row.organization.id === held.id,
      );
      if (index >= 0) {
        const wanted = rowTop(layout, layout.heldStart + index) - held.offsetPx;
        if (Math.abs(wanted - element.scrollTop) >= 1) element.scrollTop = wanted;
      }
    }
    takeAnchor();
    // Runs when the rows or their positions change; takeAnchor reads only refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.rows, layout.firstIndex, layout.heldStart]);

  return takeAnchor;
}
