// The organizations page's selection (src/lib/organizations/organizationSelection.ts) as React sees
// it: one per chatbot, handed to the rows through a context (so the memoized list and results need
// no new props to follow it), and read with useSyncExternalStore (so a checked box re-renders its
// row and the selection bar, not the list).
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import {
  createOrganizationSelection,
  type OrganizationSelection,
  type SelectionSnapshot,
} from '../../lib/organizations/organizationSelection.ts';

export const SelectionContext = createContext<OrganizationSelection | null>(null);

export function useOrganizationSelection(chatbotId: string): OrganizationSelection {
  return useMemo(() => createOrganizationSelection(chatbotId), [chatbotId]);
}

export function useSelectionStore(): OrganizationSelection | null {
  return useContext(SelectionContext);
}

const NOTHING: SelectionSnapshot = { ids: new Set(), search: null };
const NEVER = () => () => {};

export function useSelectionSnapshot(selection: OrganizationSelection | null): SelectionSnapshot {
  return useSyncExternalStore(
    selection?.subscribe ?? NEVER,
    selection?.snapshot ?? (() => NOTHING),
    // The server renders nothing selected (it has no sessionStorage); the browser then its own.
    () => NOTHING,
  );
}

/** Whether the row's box is checked: its id is selected, or all matching `allOf` are. */
export function useRowSelected(
  selection: OrganizationSelection | null,
  id: string,
  allOf: string | null,
): boolean {
  return useSyncExternalStore(
    selection?.subscribe ?? NEVER,
    () =>
      selection !== null &&
      (selection.has(id) || (allOf !== null && selection.snapshot().search?.query === allOf)),
    () => false,
  );
}
