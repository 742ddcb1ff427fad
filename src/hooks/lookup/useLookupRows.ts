// The rows the lookup page offers: before anything is searched the person's pins (each loaded by
// its id) and then the recent ones; once searching, the hits. The first rows also get their
// contacts counted (what tells look-alikes apart).
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isApiError } from '../../api/client.ts';
import { rowOfHit, type LookupRowData, type PinnedRowData } from '../../lib/lookup/lookupRows.ts';
import { errorReason } from '../../lib/search/searchErrors.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';
import type { LookupSearch } from './useLookupSearch.ts';
import {
  usePinnedOrganizations,
  type PinnedOrganizations,
  type PinsHome,
} from './usePinnedOrganizations.ts';
import { useRecentOrganizations } from './useRecentOrganizations.ts';

/** Rows offered before typing: the pins, then recent ones (each list is short already). */
export const MAX_COUNTED_ROWS = 30;

export interface LookupRows {
  pins: PinnedOrganizations;
  pinnedRows: PinnedRowData[];
  recentRows: LookupRowData[];
  hitRows: LookupRowData[];
  /** The rows on screen, in order: the pinned and recent ones while idle, else the hits. */
  rows: PinnedRowData[];
  /** The contacts count of the row at `index` of `rows`, once known. */
  contactsCount: (index: number) => number | undefined;
}

export function useLookupRows(
  chatbotId: string,
  search: LookupSearch,
  pinsHome: PinsHome,
): LookupRows {
  const pins = usePinnedOrganizations(chatbotId, pinsHome);
  const pinnedQueries = useQueries({
    queries: pins.ids.map((id) => organizationQueries.detail(chatbotId, id)),
  });
  const recent = useRecentOrganizations(chatbotId);

  const pinnedRows: PinnedRowData[] = pins.ids.map((id, index) => {
    const query = pinnedQueries[index];
    const organization = query?.data?.organization;
    if (organization !== undefined)
      return rowOfHit({ organization, nameHighlight: null, otherMatches: [] });
    const missing =
      query?.isError && isApiError(query.error) && query.error.status === 404
        ? 'no longer exists'
        : query?.isError
          ? errorReason(query.error)
          : undefined;
    return { id, name: query?.isPending ? 'Loading…' : id, missing };
  });
  const recentRows: LookupRowData[] = recent
    .filter((organization) => !pins.ids.includes(organization.id))
    .map((organization) => ({ ...organization }));
  const hitRows = useMemo(() => search.hits.map(rowOfHit), [search.hits]);
  const rows = search.idle ? [...pinnedRows, ...recentRows] : hitRows;

  const countQueries = useQueries({
    queries: rows
      .slice(0, MAX_COUNTED_ROWS)
      .map((row) => organizationQueries.contactsCount(chatbotId, row.id)),
  });
  const contactsCount = (index: number) =>
    index < MAX_COUNTED_ROWS ? countQueries[index]?.data?.count : undefined;

  return { pins, pinnedRows, recentRows, hitRows, rows, contactsCount };
}
