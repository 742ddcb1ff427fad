// The contract's DTOs under the names screens use, all derived from the generated schema.gen.ts
// (never written by hand, so they cannot drift from openapi.json).
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];

export type Organization = Schemas['OrganizationDto'];
export type Address = Schemas['AddressDto'];
export type Contact = Schemas['ContactDto'];

export type SearchResult = Schemas['SearchOrganizationResultDto'];
export type SearchHit = Schemas['SearchResultHitOrganizationDto'];
export type SearchHighlight = Schemas['HighlightResultDto'];
export type SearchFacet = Schemas['SearchResultFacetDto'];
export type SearchFacetCount = Schemas['SearchResultFacet_CountDto'];
export type SearchFacetStats = Schemas['SearchResultFacet_StatsDto'];

/** The flat create body: only `name` is required; the only place a phone number can be set. */
export type CreateOrganizationBody = Schemas['CreateOrganizationRequestDto'];
/** The fields of an update (partial, but `variables` is required: send the complete map). */
export type UpdateOrganizationBody = Schemas['UpdateOrganizationDto'];
/** What PATCH sends on the wire: the fields wrapped as `{ organization }`. */
export type UpdateOrganizationRequest = Schemas['UpdateOrganizationRequestDto'];

// Whole response bodies: each may carry `error`, even with status 200 (docs/API-NOTES.md).
export type ListOrganizationsResponse = Schemas['ListOrganizationsResponseDto'];
export type OrganizationResponse = Schemas['OrganizationResponseDto'];
export type SearchOrganizationsResponse = Schemas['SearchOrganizationResponseDto'];
export type DeleteOrganizationResponse = Schemas['DeleteOrganizationResponseDto'];
export type ListOrganizationContactsResponse = Schemas['ListOrganizationContactsResponseDto'];
export type CountOrganizationContactsResponse = Schemas['GetOrganizationContactsCountResponseDto'];
