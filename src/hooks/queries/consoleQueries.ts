// One key factory for the console server's own data (`/console/*`), each key next to its fetcher:
//
//   ['console', 'session']                          session()
//   ['console', 'write-denials', chatbotId]         writeDenials(chatbotId): 403s writes met
//   ['console', 'audit']                            audits()
//   ['console', 'audit', filters]                   audit(filters) (infinite, keyset pages)
//   ['console', 'pins', chatbotId]                  pins(chatbotId): the person's pinned ids
//   ['console', 'data-quality', …]                  dataQualityQueries.ts (its own module, so
//                                                   its fetchers load with its page)
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { listAuditEntries, type AuditFilters } from '../../api/audit/audit.ts';
import { listPins } from '../../api/lookup/pins.ts';
import { getConsoleSession } from '../../api/session/session.ts';
import { refreshMeta } from './queryMeta.ts';

const DOMAIN = 'console';

export const consoleQueries = {
  session: () =>
    queryOptions({
      queryKey: [DOMAIN, 'session'] as const,
      queryFn: ({ signal }) => getConsoleSession(signal),
      // Who one is changes only by signing in or out (a page load); a 401 is said at once.
      staleTime: 5 * 60_000,
      retry: false,
      meta: refreshMeta('who is signed in'),
    }),

  /** Not fetched: the writes a 403 refused, recorded by the mutations (useWriteAccess.ts). */
  writeDenials: (chatbotId: string) => [DOMAIN, 'write-denials', chatbotId] as const,

  audits: () => [DOMAIN, 'audit'] as const,

  pins: (chatbotId: string) =>
    queryOptions({
      queryKey: [DOMAIN, 'pins', chatbotId] as const,
      queryFn: ({ signal }) => listPins(chatbotId, signal),
      meta: refreshMeta('your pinned organizations'),
    }),

  audit: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [DOMAIN, 'audit', filters] as const,
      queryFn: ({ signal, pageParam }) => listAuditEntries(filters, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
      // Each visit asks again: a write made a moment ago must show.
      staleTime: 0,
      meta: refreshMeta('the audit trail'),
    }),
};
