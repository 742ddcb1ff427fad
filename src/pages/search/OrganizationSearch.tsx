import { useMemo, type ReactNode } from 'react';
import {
  useLateSearch,
  useOrganizationSearchResults,
  useSearchTextValue,
  type SearchText,
} from '../../hooks/search/useOrganizationSearch.ts';
import { useHitContactsCounts } from '../../hooks/search/useHitContactsCounts.ts';
import { lazyComponent } from '../../lazyPage.tsx';
import { SearchLayer } from '../../components/search/SearchLayer.tsx';
import type { SearchPanelProps } from '../../components/search/SearchPanel.tsx';

/**
 * The results panel (summary, facets, hit rows, highlights) is its own chunk: it is not needed
 * for the list's first page (whose JS budget is 150 KB gzip), and is fetched once the page has
 * settled (router.tsx), or with the first search typed before then, beside its request.
 */
export const searchPanel = lazyComponent<SearchPanelProps>(
  async () => (await import('../../components/search/SearchPanel.tsx')).SearchPanel,
  'The search results',
);
const SearchPanel = searchPanel.Component;

interface OrganizationSearchProps {
  chatbotId: string;
  search: SearchText;
  hrefFor: (organizationId: string) => string;
  /** The list, shown while nothing is searched and kept in place under the results. */
  children: ReactNode;
}

/**
 * The organizations page's search results over its list, following the search text on their
 * own: a keystroke re-renders this part of the page only.
 *
 * While a newer text's results load, the older ones stay on screen under their own summary
 * ("… match “rotterda”"); only once the wait is noticeable (`SEARCH_WAIT_NOTICE_MS`) are they
 * dimmed and labelled as older. A quick answer thus replaces them without a flash of dimming,
 * and a keystroke leaves the results panel untouched.
 */
export function OrganizationSearch({
  chatbotId,
  search,
  hrefFor,
  children,
}: OrganizationSearchProps) {
  const text = useSearchTextValue(search);
  const results = useOrganizationSearchResults(chatbotId, text);
  const shownQuery = results.results?.query ?? null;
  const awaited = results.term !== null && shownQuery !== null && shownQuery !== results.term;
  const late = useLateSearch(awaited ? results.term : null);
  // The text the panel answers for: the awaited one once it is late (or failed), else the one
  // whose results are showing.
  const panelQuery =
    awaited && late === null && results.error === null ? shownQuery : (results.term ?? '');
  const hitIds = useMemo(
    () => results.results?.hits.map((hit) => hit.organization.id) ?? [],
    [results.results?.hits],
  );
  const contactsCounts = useHitContactsCounts(chatbotId, hitIds);
  return (
    <SearchLayer
      searching={results.term !== null}
      panel={
        <SearchPanel
          query={panelQuery}
          results={results.results}
          error={results.error}
          onRetry={results.retry}
          hasNextPage={results.hasNextPage}
          isFetchingNextPage={results.isFetchingNextPage}
          fetchNextPage={results.fetchNextPage}
          nextPageError={results.nextPageError}
          onRefine={search.refine}
          onClear={search.clear}
          hrefFor={hrefFor}
          contactsCounts={contactsCounts}
        />
      }
    >
      {children}
    </SearchLayer>
  );
}
