import type { OrganizationDto, SearchOrganizationResultDto } from '../types.ts';

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
