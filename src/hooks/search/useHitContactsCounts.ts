// How many contacts the first hits of a search have: what, beside the place, tells look-alike
// results apart ("Thames Freight Ltd" twice). Asked once the results have stayed on screen a
// moment, so counts never queue ahead of the next keystroke's search, and for the first hits
// only (one request each: the API counts one organization's contacts at a time).
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { organizationQueries } from '../queries/organizationQueries.ts';

/** Hits counted: about a screen of results. */
export const COUNTED_HITS = 12;
/** How long results stay unchanged before their counts are asked for. */
export const COUNT_AFTER_MS = 1_000;

/** The ids' contact counts known so far (an id without a count is still loading or failed). */
export function useHitContactsCounts(
  chatbotId: string,
  organizationIds: readonly string[],
): ReadonlyMap<string, number> {
  const counted = organizationIds.slice(0, COUNTED_HITS);
  const signature = counted.join('\u0000');
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(signature), COUNT_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [signature]);

  const queries = useQueries({
    queries: counted.map((id) => ({
      ...organizationQueries.contactsCount(chatbotId, id),
      enabled: settled === signature,
    })),
  });
  const counts = queries.map((query) => query.data?.count);
  const countsSignature = counts.join(',');
  return useMemo(() => {
    const known = new Map<string, number>();
    counted.forEach((id, index) => {
      const count = counts[index];
      if (count !== undefined) known.set(id, count);
    });
    return known;
    // The signatures stand for `counted` and `counts`, which are new arrays on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, countsSignature]);
}
