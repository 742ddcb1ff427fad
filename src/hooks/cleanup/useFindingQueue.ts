// The findings of one check as a queue worked through one at a time: its keyset pages loaded as
// the position nears their end, the position (J/K), a selection (X), and the record under the
// position loaded in full for the editor beside it.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../api/cleanup/dataQuality.ts';
import { dataQualityQueries } from '../queries/dataQualityQueries.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

/** A finding's identity in the queue (one record can have several of one check: its fields). */
export function findingId(finding: Finding): string {
  return `${finding.key}\u0000${finding.recordId}`;
}

export function useFindingQueue(chatbotId: string, check: string) {
  const query = useInfiniteQuery(dataQualityQueries.findings(chatbotId, check));
  const findings = useMemo(
    () => query.data?.pages.flatMap((page) => page.findings) ?? [],
    [query.data],
  );
  const [position, setPosition] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const index = findings.length === 0 ? 0 : Math.min(position, findings.length - 1);
  const current: Finding | undefined = findings[index];

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // The next page comes while a few findings are left, so J never waits at a page's end.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index >= findings.length - 5) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, index, findings.length]);

  const record = useQuery({
    ...organizationQueries.detail(chatbotId, current?.recordId ?? ''),
    enabled: current !== undefined,
  });

  const move = useCallback(
    (step: number) =>
      setPosition((at) =>
        Math.max(0, Math.min(Math.min(at, findings.length - 1) + step, findings.length - 1)),
      ),
    [findings.length],
  );
  const toggleSelected = useCallback((finding: Finding) => {
    setSelected((previous) => {
      const next = new Set(previous);
      const id = findingId(finding);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  return {
    findings,
    index,
    current,
    goTo: setPosition,
    next: () => move(1),
    previous: () => move(-1),
    selected,
    toggleSelected,
    clearSelection: () => setSelected(new Set()),
    record: record.data?.organization,
    recordPending: current !== undefined && record.isPending,
    recordError: record.error?.message ?? null,
    retryRecord: () => void record.refetch(),
    isPending: query.isPending,
    error: query.error?.message ?? null,
    retry: () => void query.refetch(),
    hasNextPage,
    isFetchingNextPage,
  };
}
