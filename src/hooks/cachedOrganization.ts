// An organization the list or a search already holds: the organization page shows it at once
// (and keeps showing it when the server cannot be reached) rather than a spinner or an error.
import type { QueryClient } from '@tanstack/react-query';
import type { Organization } from '../api/organizations.ts';
import type { ListPage } from '../lib/listPaging.ts';
import { organizationQueries } from './queries/organizationQueries.ts';

/** A search hit holds `organization`; every cached search shape keeps its hits under `hits`. */
export interface HitsHolder {
  hits: { organization: Organization }[];
}

export function isHitsHolder(value: unknown): value is HitsHolder {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { hits?: unknown }).hits)
  );
}

/** The hits of one cached search page, whichever shape holds them (`result` or `results`). */
export function hitsHolderOf(page: unknown): HitsHolder | undefined {
  if (typeof page !== 'object' || page === null) return undefined;
  const record = page as { result?: unknown; results?: unknown };
  if (isHitsHolder(record.result)) return record.result;
  if (isHitsHolder(record.results)) return record.results;
  return undefined;
}

export interface CachedOrganization {
  organization: Organization;
  /** When the query that holds it got its data. */
  updatedAt: number;
}

/** The freshest copy of the organization among the chatbot's cached list pages and searches. */
export function findCachedOrganization(
  queryClient: QueryClient,
  chatbotId: string,
  organizationId: string,
): CachedOrganization | undefined {
  let best: CachedOrganization | undefined;
  const consider = (organization: Organization, updatedAt: number) => {
    if (organization.id !== organizationId) return;
    if (best === undefined || updatedAt > best.updatedAt) best = { organization, updatedAt };
  };
  const cache = queryClient.getQueryCache();
  for (const query of cache.findAll({ queryKey: organizationQueries.lists(chatbotId) })) {
    const pages = (query.state.data as { pages?: ListPage[] } | undefined)?.pages ?? [];
    for (const page of pages) {
      for (const row of page.rows) {
        if (row.kind === 'organization') consider(row.organization, query.state.dataUpdatedAt);
      }
    }
  }
  for (const query of cache.findAll({ queryKey: organizationQueries.searches(chatbotId) })) {
    const data = query.state.data as { pages?: unknown } | undefined;
    const pages = Array.isArray(data?.pages) ? (data.pages as unknown[]) : [data];
    for (const page of pages) {
      for (const hit of hitsHolderOf(page)?.hits ?? []) {
        consider(hit.organization, query.state.dataUpdatedAt);
      }
    }
  }
  return best;
}
