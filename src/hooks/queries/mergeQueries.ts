// The merge page's query, under the data-quality keys (dataQualityQueries.ts), so a write that
// invalidates `dataQualities(chatbotId)` refreshes it too:
//
//   ['console', 'data-quality', chatbotId, 'duplicate-group', check, key]   group(…)
//
// A module of its own so that its fetcher loads with the merge page's chunk.
import { queryOptions } from '@tanstack/react-query';
import { getDuplicateGroup } from '../../api/cleanup/duplicateGroup.ts';
import { dataQualityQueries } from './dataQualityQueries.ts';
import { refreshMeta } from './queryMeta.ts';

export const mergeQueries = {
  group: (chatbotId: string, check: string, key: string) =>
    queryOptions({
      queryKey: [
        ...dataQualityQueries.dataQualities(chatbotId),
        'duplicate-group',
        check,
        key,
      ] as const,
      queryFn: ({ signal }) => getDuplicateGroup(chatbotId, check, key, signal),
      meta: refreshMeta('the group of duplicates'),
    }),
};
