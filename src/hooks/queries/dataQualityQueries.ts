// The data-quality queries, under the console factory's domain (consoleQueries.ts); invalidating
// `dataQualities(chatbotId)` refreshes the overview and every queue of the chatbot:
//
//   ['console', 'data-quality', chatbotId]                      dataQuality(chatbotId)
//   ['console', 'data-quality', chatbotId, 'findings', check]   findings(chatbotId, check)
//
// A module of its own so that its fetchers load with the Data quality page, not the list.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getDataQuality, listFindings, type DataQuality } from '../../api/cleanup/dataQuality.ts';
import { refreshMeta } from './queryMeta.ts';

export const dataQualityQueries = {
  dataQualities: (chatbotId: string) => ['console', 'data-quality', chatbotId] as const,

  dataQuality: (chatbotId: string) =>
    queryOptions({
      queryKey: dataQualityQueries.dataQualities(chatbotId),
      queryFn: ({ signal }) => getDataQuality(chatbotId, signal),
      // Asked again every second while a scan runs, so its progress moves.
      refetchInterval: (query) => (scanIsActive(query.state.data) ? 1_000 : false),
      meta: refreshMeta('the data-quality overview'),
    }),

  findings: (chatbotId: string, check: string) =>
    infiniteQueryOptions({
      queryKey: [...dataQualityQueries.dataQualities(chatbotId), 'findings', check] as const,
      queryFn: ({ signal, pageParam }) => listFindings(chatbotId, check, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
      meta: refreshMeta('the findings'),
    }),
};

export function scanIsActive(overview: DataQuality | undefined): boolean {
  const state = overview?.scan?.state;
  return state === 'queued' || state === 'running' || state === 'paused';
}
