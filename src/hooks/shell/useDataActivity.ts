// Whether any server data is on its way (a query's first load or refetch, or a write), for the
// loading bar (components/shell/LoadingProgress.tsx), which renders it without reading the cache.
import { useIsFetching, useIsMutating } from '@tanstack/react-query';

export function useDataActivity(): boolean {
  return useIsFetching() + useIsMutating() > 0;
}
