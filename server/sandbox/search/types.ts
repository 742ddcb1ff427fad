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
}
