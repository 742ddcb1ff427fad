// The audit trail for a set of filters, newest first, a page at a time as the list scrolls.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AuditEntry, AuditFilters } from '../../api/audit/audit.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';

export interface AuditTrail {
  entries: AuditEntry[];
  isPending: boolean;
  error: Error | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  loadNext: () => void;
  retry: () => void;
}

export function useAuditTrail(filters: AuditFilters): AuditTrail {
  const query = useInfiniteQuery(consoleQueries.audit(filters));
  const entries = useMemo(
    () => query.data?.pages.flatMap((page) => page.entries) ?? [],
    [query.data],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  return {
    entries,
    isPending: query.isPending,
    error: query.error,
    hasNextPage,
    isFetchingNextPage,
    loadNext: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    retry: () => void refetch(),
  };
}
