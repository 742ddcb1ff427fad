// Zod schemas for every response body, checked at the boundary (client.ts) and held equal to the
// generated contract types at compile time (the ContractChecks below).
//
// Per NOTES.md, `format: email` and `format: uri` on OrganizationDto are claims the stored data
// may break (old imports, other clients): these schemas check structure, types and required fields
// only, so one bad email never blanks a list. Unknown extra fields are stripped, not rejected: a
// server that adds a field must not break the console.
import { z } from 'zod';
import type { components } from './schema.gen.ts';

// Zod 4 probes `new Function` to compile fast parsers; our CSP forbids eval (script-src 'self'),
// and the probe alone logs a CSP violation. Interpreted parsing is fast enough for our pages.
z.config({ jitless: true });

type Schemas = components['schemas'];

const stringMap = z.record(z.string(), z.string());

export const addressSchema = z.object({
  street: z.string().optional(),
  country: z.string().optional(),
  zipcode: z.string().optional(),
  houseNumber: z.string().optional(),
  location: z.string().optional(),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  updated: z.string(),
  // `format: email` in the contract: a claim, not checked (see the top of this file).
  email: z.string().optional(),
  // `format: uri` in the contract: a claim, not checked.
  website: z.string().optional(),
  size: z.number().optional(),
  industry: z.string().optional(),
  address: addressSchema.optional(),
  variables: stringMap,
});

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  updated: z.string(),
  email: z.string().optional(),
  address: addressSchema.optional(),
  phoneNumber: z.string().optional(),
  variables: stringMap,
  organizationIds: z.array(z.string()),
  whatsappId: z.string().optional(),
  telegramId: z.string().optional(),
  facebookId: z.string().optional(),
  instagramId: z.string().optional(),
  avatar: z.string().optional(),
});

export const highlightSchema = z.object({
  field: z.string(),
  matchedTokens: z.array(z.string()),
  snippet: z.string(),
});

export const searchHitSchema = z.object({
  organization: organizationSchema,
  highlights: z.array(highlightSchema),
  textMatch: z.string(),
});

export const facetCountSchema = z.object({
  count: z.number(),
  highlighted: z.string(),
  value: z.string(),
});

export const facetStatsSchema = z.object({
  max: z.number().optional(),
  avg: z.number().optional(),
  min: z.number().optional(),
  sum: z.number().optional(),
});

export const searchFacetSchema = z.object({
  counts: z.array(facetCountSchema),
  fieldName: z.string(),
  stats: facetStatsSchema.optional(),
});

export const searchResultSchema = z.object({
  facetCounts: z.array(searchFacetSchema),
  found: z.number(),
  hits: z.array(searchHitSchema),
  outOf: z.number(),
  page: z.number(),
  searchTimeMs: z.number(),
});

// Every response may carry `error`, even with status 200 (NOTES.md).
const optionalError = z.string().optional();

export const listOrganizationsResponseSchema = z.object({
  organizations: z.array(organizationSchema),
  error: optionalError,
});

export const organizationResponseSchema = z.object({
  organization: organizationSchema.optional(),
  error: optionalError,
});

export const searchOrganizationsResponseSchema = z.object({
  results: searchResultSchema.nullable(),
  error: optionalError,
});

export const deleteOrganizationResponseSchema = z.object({
  deleted: z.boolean().optional(),
  error: optionalError,
});

export const listOrganizationContactsResponseSchema = z.object({
  contacts: z.array(contactSchema),
  error: optionalError,
});

export const countOrganizationContactsResponseSchema = z.object({
  count: z.number().optional(),
  error: optionalError,
});

/** The console server's `GET /console/config` (server/console-app.ts), not part of the API. */
export const consoleConfigSchema = z.object({
  mode: z.enum(['sandbox', 'upstream']),
  defaultChatbotId: z.string(),
});

// Compile-time proof that each schema describes exactly the generated contract type: regenerating
// schema.gen.ts from a changed openapi.json fails the typecheck here until the schema follows.
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type ContractChecks = [
  Assert<Equals<z.infer<typeof addressSchema>, Schemas['AddressDto']>>,
  Assert<Equals<z.infer<typeof organizationSchema>, Schemas['OrganizationDto']>>,
  Assert<Equals<z.infer<typeof contactSchema>, Schemas['ContactDto']>>,
  Assert<Equals<z.infer<typeof highlightSchema>, Schemas['HighlightResultDto']>>,
  Assert<Equals<z.infer<typeof searchHitSchema>, Schemas['SearchResultHitOrganizationDto']>>,
  Assert<Equals<z.infer<typeof facetCountSchema>, Schemas['SearchResultFacet_CountDto']>>,
  Assert<Equals<z.infer<typeof facetStatsSchema>, Schemas['SearchResultFacet_StatsDto']>>,
  Assert<Equals<z.infer<typeof searchFacetSchema>, Schemas['SearchResultFacetDto']>>,
  Assert<Equals<z.infer<typeof searchResultSchema>, Schemas['SearchOrganizationResultDto']>>,
  Assert<
    Equals<z.infer<typeof listOrganizationsResponseSchema>, Schemas['ListOrganizationsResponseDto']>
  >,
  Assert<Equals<z.infer<typeof organizationResponseSchema>, Schemas['OrganizationResponseDto']>>,
  Assert<
    Equals<
      z.infer<typeof searchOrganizationsResponseSchema>,
      Schemas['SearchOrganizationResponseDto']
    >
  >,
  Assert<
    Equals<
      z.infer<typeof deleteOrganizationResponseSchema>,
      Schemas['DeleteOrganizationResponseDto']
    >
  >,
  Assert<
    Equals<
      z.infer<typeof listOrganizationContactsResponseSchema>,
      Schemas['ListOrganizationContactsResponseDto']
    >
  >,
  Assert<
    Equals<
      z.infer<typeof countOrganizationContactsResponseSchema>,
      Schemas['GetOrganizationContactsCountResponseDto']
    >
  >,
];
