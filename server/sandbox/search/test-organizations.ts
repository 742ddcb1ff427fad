import type { OrganizationDto, SearchOrganizationResultDto } from '../types.ts';
import type { SearchIndex, SearchParams } from './types.ts';

let sequence = 0;

/** An organization created one minute after the previous one (later ones are newer). */
export function testOrganization(
  fields: Partial<OrganizationDto> & { name: string },
): OrganizationDto {
  sequence++;
  const created = new Date(Date.UTC(2024, 0, 1) + sequence * 60_000).toISOString();
  return {
    id: `org-${String(sequence).padStart(5, '0')}`,
    created,
    updated: created,
    variables: {},
    ...fields,
  };
}

/** Page 1 of 20 hits unless told otherwise. */
export function searchIndex(
  index: SearchIndex,
  query: string,
  params: Partial<SearchParams> = {},
): SearchOrganizationResultDto {
  return index.search({ query, page: 1, pageSize: 20, hiddenHits: [], ...params });
}

export const hitNames = (result: SearchOrganizationResultDto): string[] =>
  result.hits.map((hit) => hit.organization.name);
