import type {
  OrganizationDto,
  SearchOrganizationResultDto,
  SearchResultHitOrganizationDto,
} from '../types.ts';

export interface SearchParams {
  /** The raw query; `*` matches every organization. */
  query: string;
  /** 1-based page number. */
  page: number;
  /** Hits per page, 1..250. */
  pageSize: number;
  /** Organization ids to leave out of the hits (and of `found`). */
  hiddenHits: readonly string[];
}

/**
 * An in-memory, Typesense-like index of one chatbot's organizations. Writes are visible to the
 * next search at once. `outOf` is the number of organizations indexed.
 */
export interface SearchIndex {
  upsert(organization: OrganizationDto): void;
  remove(organizationId: string): void;
  search(params: SearchParams): SearchOrganizationResultDto;
  /**
   * `search` with the hits made one at a time, when asked: the matching, facets and ranking are
   * done at once; highlighting a hit (most of a large page's work) when it is taken. `search`
   * is this page with every hit taken.
   */
  searchPage(params: SearchParams): SearchPage;
  readonly size: number;
  /** What the index holds beyond the organizations themselves (it shrinks as they go). */
  memoryStats(): SearchIndexMemoryStats;
}

export interface SearchIndexMemoryStats {
  /** Distinct terms held by some organization. */
  terms: number;
  /** Entries of the typo index (deletion strings of those terms). */
  typoEntries: number;
  /** Distinct values of the faceted fields held by some organization. */
  facetValues: number;
}

/** A search's result with its hits still to make (see `SearchIndex.searchPage`). */
export interface SearchPage extends Pick<
  SearchOrganizationResultDto,
  'facetCounts' | 'found' | 'outOf' | 'page'
> {
  /** The hits on this page. */
  hitCount: number;
  /** The `i`th hit (0-based), highlighted: the same hit each call. */
  hit(i: number): SearchResultHitOrganizationDto;
  /**
   * Makes the hits still to take independent of the index's later writes. Until it is called,
   * they are right only while nothing writes to the index: call it before other requests run.
   * Only the first call counts (later ones would read term ids written since).
   */
  detach(): void;
  /** The work so far, matching and the hits taken, in ms (two decimals): `searchTimeMs`. */
  searchTimeMs(): number;
}
