import { memo, useCallback } from 'react';
import {
  useSearchBusy,
  useSearchPrefetch,
  useSearchTextValue,
  type SearchText,
} from '../../hooks/search/useOrganizationSearch.ts';
import { SearchBox } from '../../components/search/SearchBox.tsx';

interface OrganizationSearchBoxProps {
  chatbotId: string;
  search: SearchText;
}

/**
 * The organizations page's search box, wired to its search text. It follows the text on its
 * own, so a keystroke re-renders the box and not the page around it. Its spinner shows only for
 * a search that keeps the user waiting, not for the quick one each keystroke starts.
 */
export const OrganizationSearchBox = memo(function OrganizationSearchBox({
  chatbotId,
  search,
}: OrganizationSearchBoxProps) {
  const text = useSearchTextValue(search);
  const busy = useSearchBusy(chatbotId, text);
  const prefetch = useSearchPrefetch(chatbotId);
  const change = useCallback(
    (next: string) => {
      prefetch(next);
      search.change(next);
    },
    [prefetch, search],
  );
  return (
    <SearchBox
      value={text}
      onChange={change}
      onCommit={search.commit}
      onClear={search.clear}
      busy={busy}
    />
  );
});
