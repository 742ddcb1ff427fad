// Schemas for every response body, checked at the boundary (client.ts, with validate.ts) and held
// equal to the generated contract types at compile time (the ContractChecks below).
//
// Per docs/API-NOTES.md, `format: email` and `format: uri` on OrganizationDto are claims the stored
// data may break (old imports, other clients): these schemas check structure, types and required
// fields only, so one bad email never blanks a list. Unknown extra fields are stripped, not
// rejected: a server that adds a field must not break the console.
import type { components } from './schema.gen.ts';
// validate.ts, not zod: these are structural checks only, and zod/mini with its English messages
// was ~15 KB gzip of the JS the list page needs before it is usable (its budget is 150 KB).
import * as v from './validate.ts';

type Schemas = components['schemas'];

const stringMap = v.record(v.string());

export const addressSchema = v.object({
  street: v.optional(v.string()),
  country: v.optional(v.string()),
  zipcode: v.optional(v.string()),
  houseNumber: v.optional(v.string()),
  location: v.optional(v.string()),
});

export const organizationSchema = v.object({
  id: v.string(),
  name: v.string(),
  created: v.string(),
  updated: v.string(),
  // `format: email` in the contract: a claim, not checked (see the top of this file).
  email: v.optional(v.string()),
  // `format: uri` in the contract: a claim, not checked.
  website: v.optional(v.string()),
  size: v.optional(v.number()),
  industry: v.optional(v.string()),
  address: v.optional(addressSchema),
  variables: stringMap,
});

export const contactSchema = v.object({
  id: v.string(),
  name: v.string(),
  created: v.string(),
  updated: v.string(),
  email: v.optional(v.string()),
  address: v.optional(addressSchema),
  phoneNumber: v.optional(v.string()),
  variables: stringMap,
  organizationIds: v.array(v.string()),
  whatsappId: v.optional(v.string()),
  telegramId: v.optional(v.string()),
  facebookId: v.optional(v.string()),
  instagramId: v.optional(v.string()),
  avatar: v.optional(v.string()),
});

export const highlightSchema = v.object({
  field: v.string(),
  matchedTokens: v.array(v.string()),
  snippet: v.string(),
});

export const searchHitSchema = v.object({
  organization: organizationSchema,
  highlights: v.array(highlightSchema),
  textMatch: v.string(),
});

export const facetCountSchema = v.object({
  count: v.number(),
  highlighted: v.string(),
  value: v.string(),
});

export const facetStatsSchema = v.object({
  max: v.optional(v.number()),
  avg: v.optional(v.number()),
  min: v.optional(v.number()),
  sum: v.optional(v.number()),
});

export const searchFacetSchema = v.object({
  counts: v.array(facetCountSchema),
  fieldName: v.string(),
  stats: v.optional(facetStatsSchema),
});

export const searchResultSchema = v.object({
  facetCounts: v.array(searchFacetSchema),
  found: v.number(),
  hits: v.array(searchHitSchema),
  outOf: v.number(),
  page: v.number(),
  searchTimeMs: v.number(),
});

// Every response may carry `error`, even with status 200 (docs/API-NOTES.md).
const optionalError = v.optional(v.string());

export const listOrganizationsResponseSchema = v.object({
  organizations: v.array(organizationSchema),
  error: optionalError,
});

export const organizationResponseSchema = v.object({
  organization: v.optional(organizationSchema),
  error: optionalError,
});

export const searchOrganizationsResponseSchema = v.object({
  results: v.nullable(searchResultSchema),
  error: optionalError,
});

export const deleteOrganizationResponseSchema = v.object({
  deleted: v.optional(v.boolean()),
  error: optionalError,
});

export const listOrganizationContactsResponseSchema = v.object({
  contacts: v.array(contactSchema),
  error: optionalError,
});

export const countOrganizationContactsResponseSchema = v.object({
  count: v.optional(v.number()),
  error: optionalError,
});

/** The console server's `GET /console/config` (server/console-app.ts), not part of the API. */
export const consoleConfigSchema = v.object({
  mode: v.literals('sandbox', 'upstream'),
  defaultChatbotId: v.string(),
});

const CONSOLE_ROLES = ['viewer', 'agent', 'admin'] as const;
const SESSION_OPERATIONS = [
  'list',
  'create',
  'search',
  'get',
  'update',
  'delete',
  'contacts',
  'contactsCount',
  'audit',
] as const;

/** GET /console/session (server/auth/sign-in-routes.ts): who, which role, what they may do. */
export const consoleSessionSchema = v.object({
  mode: v.literals('local', 'oidc', 'demo'),
  signInRequired: v.boolean(),
  user: v.nullable(
    v.object({ subject: v.string(), name: v.nullable(v.string()), email: v.nullable(v.string()) }),
  ),
  role: v.nullable(v.literals(...CONSOLE_ROLES)),
  operations: v.array(v.literals(...SESSION_OPERATIONS)),
  operationRoles: v.record(v.literals(...CONSOLE_ROLES)),
  /** Null when the console cannot know its key's permissions (the real API). */
  keyOperations: v.optional(v.nullable(v.array(v.string()))),
});

/** POST /console/sign-out: where the browser goes next (the provider's logout, or signed-out). */
export const signOutSchema = v.object({ redirectTo: v.string() });

/** `/console/pins/:chatbotId` (server/pins/pin-routes.ts): a person's pinned ids, in order. */
export const pinsSchema = v.object({ pins: v.array(v.string()) });

const changedFields = v.nullable(v.record(v.json()));

/** One entry of GET /console/audit (server/store/audit/audit-store.ts). */
export const auditEntrySchema = v.object({
  id: v.number(),
  at: v.number(),
  actorSubject: v.nullable(v.string()),
  actorEmail: v.nullable(v.string()),
  operation: v.string(),
  chatbotId: v.string(),
  organizationId: v.nullable(v.string()),
  organizationName: v.nullable(v.string()),
  before: changedFields,
  after: changedFields,
  status: v.nullable(v.number()),
  error: v.nullable(v.string()),
  requestId: v.nullable(v.string()),
});

export const auditPageSchema = v.object({
  entries: v.array(auditEntrySchema),
  nextCursor: v.nullable(v.string()),
});

// Compile-time proof that each schema describes exactly the generated contract type: regenerating
// schema.gen.ts from a changed openapi.json fails the typecheck here until the schema follows.
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type ContractChecks = [
  Assert<Equals<v.Infer<typeof addressSchema>, Schemas['AddressDto']>>,
  Assert<Equals<v.Infer<typeof organizationSchema>, Schemas['OrganizationDto']>>,
  Assert<Equals<v.Infer<typeof contactSchema>, Schemas['ContactDto']>>,
  Assert<Equals<v.Infer<typeof highlightSchema>, Schemas['HighlightResultDto']>>,
  Assert<Equals<v.Infer<typeof searchHitSchema>, Schemas['SearchResultHitOrganizationDto']>>,
  Assert<Equals<v.Infer<typeof facetCountSchema>, Schemas['SearchResultFacet_CountDto']>>,
  Assert<Equals<v.Infer<typeof facetStatsSchema>, Schemas['SearchResultFacet_StatsDto']>>,
  Assert<Equals<v.Infer<typeof searchFacetSchema>, Schemas['SearchResultFacetDto']>>,
  Assert<Equals<v.Infer<typeof searchResultSchema>, Schemas['SearchOrganizationResultDto']>>,
  Assert<
    Equals<v.Infer<typeof listOrganizationsResponseSchema>, Schemas['ListOrganizationsResponseDto']>
  >,
  Assert<Equals<v.Infer<typeof organizationResponseSchema>, Schemas['OrganizationResponseDto']>>,
  Assert<
    Equals<
      v.Infer<typeof searchOrganizationsResponseSchema>,
      Schemas['SearchOrganizationResponseDto']
    >
  >,
  Assert<
    Equals<
      v.Infer<typeof deleteOrganizationResponseSchema>,
      Schemas['DeleteOrganizationResponseDto']
    >
  >,
  Assert<
    Equals<
      v.Infer<typeof listOrganizationContactsResponseSchema>,
      Schemas['ListOrganizationContactsResponseDto']
    >
  >,
  Assert<
    Equals<
      v.Infer<typeof countOrganizationContactsResponseSchema>,
      Schemas['GetOrganizationContactsCountResponseDto']
    >
  >,
];
