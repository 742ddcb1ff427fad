import { useCallback, useLayoutEffect, useRef } from 'react';
import type { ListRow } from '../../../lib/organizations/listPaging.ts';
import { idsBetween } from '../../../lib/organizations/organizationSelection.ts';
import type { PickRow } from '../selection/RowSelectBox.tsx';

/**
 * A row's select box ticked or cleared: that row, or with Shift the range from the last one
 * picked. A range runs over the rows held now (what the person sees and scrolled through).
 */
export function useRangePick(rows: readonly ListRow[]): PickRow {
  const heldRows = useRef(rows);
  useLayoutEffect(() => {
    heldRows.current = rows;
  });
  return useCallback<PickRow>((selection, id, checked, shiftKey) => {
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
}
