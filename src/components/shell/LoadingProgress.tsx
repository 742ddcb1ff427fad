import { useAfterHydration } from '../../hooks/shell/useAfterHydration.ts';
import classes from './LoadingProgress.module.css';
import { usePageCodeLoading } from './pageCodeLoading.ts';

/**
 * The slim bar at the top of the window while anything loads: a query (first load or background
 * refetch), a mutation, or a page's code. A page the server rendered shows it until React has
 * taken the page over: its code and data are on their way. (Its own few lines of CSS rather than
 * Mantine's nprogress, whose store, Progress and transitions weighed ~3 KB gzip on the first page.)
 * `loadingData` comes from the layout (src/pages/shell/AppLayout.tsx, useDataActivity).
 */
export function LoadingProgress({ loadingData }: { loadingData: boolean }) {
  const pageCode = usePageCodeLoading();
  const hydrating = useAfterHydration(() => false, true);
  if (!loadingData && !pageCode && !hydrating) return null;
  return <div className={classes.bar} role="progressbar" aria-label="Loading" />;
}
