// A chatbot's data-quality overview (last scan, counts per check, distributions, the scan under
// way with its progress, refreshed every second while it runs) and starting or cancelling a scan.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelScan, startScan } from '../../api/cleanup/dataQuality.ts';
import { isApiError } from '../../api/client.ts';
import { dataQualityQueries, scanIsActive } from '../queries/dataQualityQueries.ts';

export function useDataQuality(chatbotId: string) {
  const queryClient = useQueryClient();
  const overview = useQuery(dataQualityQueries.dataQuality(chatbotId));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: dataQualityQueries.dataQualities(chatbotId) });
  const start = useMutation({
    mutationFn: () => startScan(chatbotId),
    // A 409 (a scan already runs) still means: show the scan under way.
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: (scanId: string) => cancelScan(chatbotId, scanId),
    onSettled: refresh,
  });
  const startError =
    start.error && !(isApiError(start.error) && start.error.status === 409)
      ? start.error.message
      : null;
  return {
    overview: overview.data,
    isPending: overview.isPending,
    error: overview.error?.message ?? null,
    retry: () => void overview.refetch(),
    scanning: scanIsActive(overview.data),
    start: () => start.mutate(),
    starting: start.isPending,
    startError,
    cancel: (scanId: string) => cancel.mutate(scanId),
    cancelling: cancel.isPending,
    cancelError: cancel.error?.message ?? null,
  };
}
