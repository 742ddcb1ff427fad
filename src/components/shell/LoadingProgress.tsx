import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import classes from './LoadingProgress.module.css';
import { usePageCodeLoading } from './pageCodeLoading.ts';

/**
 * The slim bar at the top of the window while anything loads: a query (first load or background
 * refetch), a mutation, or a page's code. (Its own few lines of CSS rather than Mantine's
 * nprogress, whose store, Progress and transitions weighed ~3 KB gzip on the first page.)
 */
export function LoadingProgress() {
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const pageCode = usePageCodeLoading();
  if (fetching + mutating === 0 && !pageCode) return null;
  return <div className={classes.bar} role="progressbar" aria-label="Loading" />;
}
