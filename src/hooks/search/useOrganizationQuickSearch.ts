// The quick lookup's search: a debounced single page of hits.
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchTerm } from '../../lib/search/searchQuery.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

/** In the quick lookup, keystrokes closer together than this make one request. */
export const SEARCH_DEBOUNCE_MS = 40;

/** Hits the quick lookup shows per search. */
export const QUICK_SEARCH_SIZE = 8;

/**
 * The quick lookup's search: the first few hits of a text, through the same query as the
 * organizations page's first page would use, aborting superseded requests the same way.
 */
export function useOrganizationQuickSearch(chatbotId: string | undefined, text: string) {
  const [debouncedText] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const term = searchTerm(debouncedText);
  const query = useQuery({
    ...organizationQueries.search(chatbotId ?? '', term ?? '', 1, QUICK_SEARCH_SIZE),
    placeholderData: keepPreviousData,
    enabled: chatbotId !== undefined && term !== null,
  });
  return { term, query };
}
