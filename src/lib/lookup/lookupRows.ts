// What a row of the lookup page shows (components/lookup/LookupRow.tsx): an organization from a
// search hit, a pin or a recent one.
import type { HighlightSource, MatchedField, PresentedHit } from '../search/searchHitFields.ts';

/** What a row shows of an organization: from a search hit, a pin or a recent one. */
export interface LookupRowData {
  id: string;
  name: string;
  email?: string | undefined;
  website?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  /** The highlighted name when the name matched. */
  nameHighlight?: HighlightSource | null;
  /** The field that matched, when not (only) the name. */
  match?: MatchedField | undefined;
}

/** A pinned organization's row; `missing` says why it cannot be shown (gone, or failed to load). */
export type PinnedRowData = LookupRowData & { missing?: string | undefined };

export function rowOfHit(hit: PresentedHit): LookupRowData {
  const { organization } = hit;
  return {
    id: organization.id,
    name: organization.name,
    email: organization.email,
    website: organization.website,
    city: organization.address?.location,
    country: organization.address?.country,
    nameHighlight: hit.nameHighlight,
    match: hit.otherMatches[0],
  };
}

/** The row as shown: a pin that cannot be shown says why after its name. */
export function shownRow(row: PinnedRowData): LookupRowData {
  return row.missing ? { ...row, name: `${row.name} (${row.missing})` } : row;
}

/** Whether opening the row is worth remembering among the recent ones (it names a real one). */
export function isRecordable(row: PinnedRowData): boolean {
  return row.name !== '' && !row.missing;
}
