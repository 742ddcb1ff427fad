import { createNprogress, NavigationProgress } from '@mantine/nprogress';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useEffect } from 'react';
import { usePageCodeLoading } from './pageCodeLoading.ts';

// The bar's own store: nothing else in the app starts or stops it.
const [progressStore, progress] = createNprogress();

/**
 * The slim bar at the top of the window while anything loads: a query (first load or background
 * refetch), a mutation, or a route's code on navigation.
 */
export function LoadingProgress() {
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const navigating = usePageCodeLoading();
  const busy = fetching + mutating > 0 || navigating;

  useEffect(() => {
    if (busy) progress.start();
    else progress.complete();
  }, [busy]);
  useEffect(() => () => progress.cleanup(), []);

  return <NavigationProgress store={progressStore} size={3} aria-label="Loading" />;
}
