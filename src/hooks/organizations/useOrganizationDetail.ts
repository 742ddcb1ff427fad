import { useQuery, useQueryClient } from '@tanstack/react-query';
import { findCachedOrganization } from '../queries/organizationCache.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

/**
 * One organization. Opened from the list or a search, it starts from the copy they hold (as old
 * as their data, so it is fetched afresh once that is stale): it shows at once, and stays on
 * screen if the server cannot be reached.
 */
export function useOrganizationDetail(chatbotId: string, organizationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...organizationQueries.detail(chatbotId, organizationId),
    initialData: () => {
      const cached = findCachedOrganization(queryClient, chatbotId, organizationId);
      return cached && { organization: cached.organization };
    },
    initialDataUpdatedAt: () =>
      findCachedOrganization(queryClient, chatbotId, organizationId)?.updatedAt,
  });
}
