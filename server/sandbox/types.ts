// Types the sandbox shares with the browser, derived from the OpenAPI document
// (src/api/schema.gen.ts is generated from src/api/openapi.json).
import type { components } from '../../src/api/schema.gen.ts';

type Schemas = components['schemas'];

export type OrganizationDto = Schemas['OrganizationDto'];
export type AddressDto = Schemas['AddressDto'];
export type ContactDto = Schemas['ContactDto'];
export type CreateOrganizationRequestDto = Schemas['CreateOrganizationRequestDto'];
export type UpdateOrganizationDto = Schemas['UpdateOrganizationDto'];
export type SearchOrganizationResultDto = Schemas['SearchOrganizationResultDto'];
export type SearchResultHitOrganizationDto = Schemas['SearchResultHitOrganizationDto'];
export type SearchResultFacetDto = Schemas['SearchResultFacetDto'];
export type HighlightResultDto = Schemas['HighlightResultDto'];

/** The eight operations' permissions, as ChatCaptain names them (see docs/API-NOTES.md). */
export type Permission =
  | 'chatbots.organizations.list'
  | 'chatbots.organizations.create'
  | 'chatbots.organizations.get'
  | 'chatbots.organizations.edit'
  | 'chatbots.organizations.delete'
  | 'chatbots.organizations.contacts.list';
