// Zod schemas for every response body, checked at the boundary (client.ts) and held equal to the
// generated contract types at compile time (the ContractChecks below).
//
// Per NOTES.md, `format: email` and `format: uri` on OrganizationDto are claims the stored data
// may break (old imports, other clients): these schemas check structure, types and required fields
// only, so one bad email never blanks a list. Unknown extra fields are stripped, not rejected: a
// server that adds a field must not break the console.
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { components } from './schema.gen.ts';

// zod/mini, not zod: the same checks at a fifth of the bundle weight (the list's JS budget), with
// English messages loaded explicitly (mini loads no locale). Zod probes `new Function` to compile
// fast parsers; our CSP forbids eval and the probe alone logs a violation, hence jitless.
z.config({ ...en(), jitless: true });

type Schemas = components['schemas'];

const stringMap = z.record(z.string(), z.string());

export const addressSchema = z.object({
  street: z.optional(z.string()),
  country: z.optional(z.string()),
  zipcode: z.optional(z.string()),
  houseNumber: z.optional(z.string()),
  location: z.optional(z.string()),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  updated: z.string(),
  // `format: email` in the contract: a claim, not checked (see the top of this file).
  email: z.optional(z.string()),
  // `format: uri` in the contract: a claim, not checked.
  website: z.optional(z.string()),
  size: z.optional(z.number()),
  industry: z.optional(z.string()),
  address: z.optional(addressSchema),
  variables: stringMap,
});

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  updated: z.string(),
  email: z.optional(z.string()),
  address: z.optional(addressSchema),
  phoneNumber: z.optional(z.string()),
  variables: stringMap,
  organizationIds: z.array(z.string()),
  whatsappId: z.optional(z.string()),
  telegramId: z.optional(z.string()),
  facebookId: z.optional(z.string()),
  instagramId: z.optional(z.string()),
  avatar: z.optional(z.string()),
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
  max: z.optional(z.number()),
  avg: z.optional(z.number()),
  min: z.optional(z.number()),
  sum: z.optional(z.number()),
});

export const searchFacetSchema = z.object({
  counts: z.array(facetCountSchema),
  fieldName: z.string(),
  stats: z.optional(facetStatsSchema),
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
const optionalError = z.optional(z.string());

export const listOrganizationsResponseSchema = z.object({
  organizations: z.array(organizationSchema),
  error: optionalError,
});

export const organizationResponseSchema = z.object({
  organization: z.optional(organizationSchema),
  error: optionalError,
});

export const searchOrganizationsResponseSchema = z.object({
  results: z.nullable(searchResultSchema),
  error: optionalError,
});

export const deleteOrganizationResponseSchema = z.object({
  deleted: z.optional(z.boolean()),
  error: optionalError,
});

export const listOrganizationContactsResponseSchema = z.object({
  contacts: z.array(contactSchema),
  error: optionalError,
});

export const countOrganizationContactsResponseSchema = z.object({
  count: z.optional(z.number()),
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
