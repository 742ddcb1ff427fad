import { memo } from 'react';
import {
  useSearchBusy,
  useSearchTextValue,
  type SearchText,
} from '../../hooks/useOrganizationSearch.ts';
import { SearchBox } from './SearchBox.tsx';

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
  return (
    <SearchBox
      value={text}
      onChange={search.change}
      onCommit={search.commit}
      onClear={search.clear}
      busy={busy}
    />
  );
});
