import { Button } from '@mantine/core';
import {
  useSelectionSnapshot,
  useSelectionStore,
} from '../../../hooks/organizations/useOrganizationSelection.ts';

const count = new Intl.NumberFormat('en');

/**
 * "Select all 1,204 matching": every organization the search finds, not only the rows loaded;
 * the server resolves them when the bulk action or export runs. Nothing without a selection.
 */
export function SelectAllMatching({ query, found }: { query: string; found: number }) {
  const selection = useSelectionStore();
  const snapshot = useSelectionSnapshot(selection);
  if (selection === null || found === 0) return null;
  const chosen = snapshot.search?.query === query;
  return (
    <Button
      size="compact-sm"
      variant={chosen ? 'light' : 'subtle'}
      onClick={() => (chosen ? selection.clear() : selection.selectSearch(query, found))}
      aria-pressed={chosen}
    >
      {chosen
        ? `All ${count.format(found)} selected`
        : `Select all ${count.format(found)} matching`}
    </Button>
  );
}
