import { memo } from 'react';
import {
  useRowSelected,
  useSelectionStore,
} from '../../../hooks/organizations/useOrganizationSelection.ts';
import type { OrganizationSelection } from '../../../lib/organizations/organizationSelection.ts';
import classes from './Selection.module.css';

/** What a click on a row's box does (the container knows the rows' order); stable. */
export type PickRow = (
  selection: OrganizationSelection,
  id: string,
  checked: boolean,
  shiftKey: boolean,
) => void;

export interface RowSelectBoxProps {
  id: string;
  /** The organization's name, for the box's label. */
  name: string;
  onPick: PickRow;
  /** The search these rows are the results of: "all matching" it checks every box. */
  allOf?: string | null | undefined;
}

/**
 * A row's checkbox (a plain input: rows must stay cheap). Out of the tab order: the row is the
 * list's one tab stop, and Space or X toggles the focused row's box (selectionKeys.ts). Nothing
 * without a selection around it (SelectionContext).
 */
export const RowSelectBox = memo(function RowSelectBox({
  id,
  name,
  onPick,
  allOf = null,
}: RowSelectBoxProps) {
  const selection = useSelectionStore();
  const checked = useRowSelected(selection, id, allOf);
  if (selection === null) return null;
  return (
    <input
      type="checkbox"
      className={classes.box}
      tabIndex={-1}
      checked={checked}
      aria-label={`Select ${name.trim() === '' ? '(no name)' : name}`}
      onChange={(event) =>
        onPick(selection, id, checked, (event.nativeEvent as MouseEvent).shiftKey === true)
      }
    />
  );
});
