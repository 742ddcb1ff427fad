// Whether a search has kept the user waiting long enough to say so.
import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { searchTerm } from '../../lib/search/searchQuery.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

/**
 * How long a search may take before the page says it is waiting (dims the older results, shows a
 * spinner). Most answers come sooner; saying so for each keystroke would flash the page.
 */
export const SEARCH_WAIT_NOTICE_MS = 200;

/**
 * `term` once it has stayed the same for `SEARCH_WAIT_NOTICE_MS`, else null: the search the user
 * has been kept waiting for. Pass null when nothing is awaited. A new term starts the wait anew.
 */
export function useLateSearch(term: string | null): string | null {
  const [late, setLate] = useState<string | null>(null);
  useEffect(() => {
    if (term === null) return;
    const timer = setTimeout(() => setLate(term), SEARCH_WAIT_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [term]);
  return term !== null && late === term ? term : null;
}

/**
 * Whether the organizations page's search has kept the user waiting (a page of results loading
 * for longer than `SEARCH_WAIT_NOTICE_MS`).
 */
export function useSearchBusy(chatbotId: string, text: string): boolean {
  const fetching = useIsFetching({ queryKey: organizationQueries.searchPagesAll(chatbotId) }) > 0;
  return useLateSearch(fetching ? searchTerm(text) : null) !== null;
}
