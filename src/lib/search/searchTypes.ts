// The search DTOs the pure search helpers read, from the generated contract types.
import type { components } from '../../api/schema.gen.ts';

type Schemas = components['schemas'];

export type SearchResultData = Schemas['SearchOrganizationResultDto'];
export type SearchHitData = Schemas['SearchResultHitOrganizationDto'];
export type SearchFacetData = Schemas['SearchResultFacetDto'];
export type OrganizationData = Schemas['OrganizationDto'];
