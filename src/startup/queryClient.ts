// The console's one QueryClient: retry policy (retry.ts), cache timings, and the notification for
// a background refetch that failed while the screen still shows saved data. Queries keep React
// Query's default networkMode ('online'): while the console server cannot be reached
// (serverReachability.ts) they pause with what they hold, and refetch when it answers again.
import { QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { showToast, type Toast } from '../hooks/shell/useToasts.ts';
import { isApiError, lowerFirst } from '../api/client.ts';
import { refreshLabelOf } from '../hooks/queries/queryMeta.ts';
import { retryDelay, shouldRetryQuery, shouldRetryMutation } from '../lib/shell/retry.ts';

/** Data this young is shown without asking the server again (mounts, focus). */
export const STALE_TIME_MS = 30_000;
/** Data no screen has used for this long is dropped. */
export const GC_TIME_MS = 10 * 60_000;

export interface QueryClientOptions {
  /** false: no retries at all (tests that must see a failure at once). */
  retry?: boolean;
  /** Shows a notification; Mantine's by default. */
  notify?: (notification: Toast) => void;
}

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const notify = options.notify ?? showToast;
  const retry = options.retry ?? true;
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A first load that fails has no data to fall back on: its screen shows the error.
        // Mutations report through their screens too (no MutationCache handler).
        if (query.state.data === undefined) return;
        notify(backgroundRefetchFailure(error, query));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        gcTime: GC_TIME_MS,
        retry: retry ? shouldRetryQuery : false,
        retryDelay,
      },
      mutations: {
        retry: retry ? shouldRetryMutation : false,
        retryDelay,
        // A write while the server is away fails at once, so its form says so and offers Retry
        // (the form keeps its draft), rather than waiting unseen and landing minutes later.
        networkMode: 'always',
      },
    },
  });
}

/** "Couldn't refresh organizations: the server could not be reached. … Showing saved data." */
export function backgroundRefetchFailure(
  error: unknown,
  query: Pick<Query, 'meta' | 'queryHash'>,
): Toast {
  const reason = isApiError(error) ? error.reason : 'Something went wrong.';
  return {
    // One notification per query: a query failing again does not stack copies.
    id: `refresh-failed:${query.queryHash}`,
    color: 'yellow',
    message: `Couldn't refresh ${refreshLabelOf(query.meta)}: ${lowerFirst(reason)} Showing saved data.`,
  };
}
