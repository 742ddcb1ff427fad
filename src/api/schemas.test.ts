// The response schemas against the contract and the real sandbox: any body the OpenAPI document
// allows parses to itself (minus unknown fields), and every answer the sandbox gives parses whole.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json' with { type: 'json' };
import { createTestSandbox, type TestSandbox } from '../test/sandbox.ts';
import { configureApiClient } from './client.ts';
import { getConsoleConfig } from './shell/consoleConfig.ts';
import { countOrganizationContacts, listOrganizationContacts } from './organizations/contacts.ts';
import openApi from './openapi.json' with { type: 'json' };
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  searchOrganizations,
  updateOrganization,
  type Organization,
} from './organizations/organizations.ts';
import * as schemas from './schemas.ts';
import { safeParse, type Schema } from './validate.ts';

/** The parts of JSON Schema the contract's components use (checked by `sampleOf`). */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema;
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
}

const components = openApi.components.schemas as Record<string, JsonSchema>;

/** A body as sent (with unknown fields) and what parsing must give back (without them). */
interface Sample {
  sent: unknown;
  expected: unknown;
}

// Keys that would misbehave under plain assignment or `in`, next to arbitrary text.
const keyArbitrary = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'),
);

const unknownValueArbitrary = fc.jsonValue({ maxDepth: 2 });

function withOwn(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return target;
}

function same(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Sample> {
  return arbitrary.map((value) => ({ sent: value, expected: value }));
}

/** Bodies the JSON Schema allows, with unknown fields added to every declared object. */
function sampleOf(schema: JsonSchema): fc.Arbitrary<Sample> {
  const inner = nonNullSampleOf(schema);
  return schema.nullable ? fc.oneof(same(fc.constant(null)), inner) : inner;
}

function nonNullSampleOf(schema: JsonSchema): fc.Arbitrary<Sample> {
  if (schema.$ref !== undefined) {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
    return sampleOf(target);
  }
  if (schema.allOf !== undefined) {
    if (schema.allOf.length !== 1) throw new Error('allOf with several parts is not handled');
    return sampleOf(schema.allOf[0] as JsonSchema);
  }
  switch (schema.type) {
    case 'string':
      return same(fc.string({ unit: 'binary', maxLength: 12 }));
    case 'number':
      return same(fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return same(fc.boolean());
    case 'array':
      return fc.array(sampleOf(schema.items as JsonSchema), { maxLength: 4 }).map((items) => ({
        sent: items.map((item) => item.sent),
        expected: items.map((item) => item.expected),
      }));
    case 'object':
      return schema.properties === undefined ? mapSampleOf(schema) : declaredObjectSampleOf(schema);
    default:
      throw new Error(`type ${String(schema.type)} is not handled`);
  }
}

/** `additionalProperties` only: a map whose keys are data, so nothing is stripped. */
function mapSampleOf(schema: JsonSchema): fc.Arbitrary<Sample> {
  if (schema.additionalProperties === undefined) throw new Error('object without properties');
  return fc
    .uniqueArray(fc.tuple(keyArbitrary, sampleOf(schema.additionalProperties)), {
      selector: ([key]) => key,
      maxLength: 5,
    })
    .map((entries) => ({
      sent: withOwn(entries.map(([key, sample]) => [key, sample.sent])),
      expected: withOwn(entries.map(([key, sample]) => [key, sample.expected])),
    }));
}

function declaredObjectSampleOf(schema: JsonSchema): fc.Arbitrary<Sample> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([key, property]) =>
    required.has(key)
      ? sampleOf(property).map((sample) => [key, sample] as const)
      : fc.option(
          sampleOf(property).map((sample) => [key, sample] as const),
          { nil: undefined },
        ),
  );
  const extras = fc.uniqueArray(
    fc.tuple(
      keyArbitrary.filter((key) => !Object.hasOwn(schema.properties ?? {}, key)),
      unknownValueArbitrary,
    ),
    { selector: ([key]) => key, maxLength: 3 },
  );
  return fc.tuple(fc.tuple(...fields), extras).map(([present, unknown]) => {
    const declared = present.filter((field) => field !== undefined);
    return {
      sent: withOwn([...declared.map(([key, sample]) => [key, sample.sent] as const), ...unknown]),
      expected: withOwn(declared.map(([key, sample]) => [key, sample.expected] as const)),
    };
  });
}

// Every component a response can hold, with the schema that checks it.
const schemaOfComponent: Record<string, Schema<unknown>> = {
  AddressDto: schemas.addressSchema,
  OrganizationDto: schemas.organizationSchema,
  ContactDto: schemas.contactSchema,
  HighlightResultDto: schemas.highlightSchema,
  SearchResultHitOrganizationDto: schemas.searchHitSchema,
  SearchResultFacet_CountDto: schemas.facetCountSchema,
  SearchResultFacet_StatsDto: schemas.facetStatsSchema,
  SearchResultFacetDto: schemas.searchFacetSchema,
  SearchOrganizationResultDto: schemas.searchResultSchema,
  ListOrganizationsResponseDto: schemas.listOrganizationsResponseSchema,
  OrganizationResponseDto: schemas.organizationResponseSchema,
  SearchOrganizationResponseDto: schemas.searchOrganizationsResponseSchema,
  DeleteOrganizationResponseDto: schemas.deleteOrganizationResponseSchema,
  ListOrganizationContactsResponseDto: schemas.listOrganizationContactsResponseSchema,
  GetOrganizationContactsCountResponseDto: schemas.countOrganizationContactsResponseSchema,
};

/** Every key of every object in `value` whose prototype is not Object.prototype (should be none). */
function strayPrototypes(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => strayPrototypes(item, `${path}[${index}]`));
  const own = Object.getPrototypeOf(value) === Object.prototype ? [] : [path];
  return [
    ...own,
    ...Object.keys(value).flatMap((key) =>
      strayPrototypes(Object.getOwnPropertyDescriptor(value, key)?.value, `${path}.${key}`),
    ),
  ];
}

describe('schemas against the OpenAPI document', () => {
  it('every response component has a schema here, and every one of them is tested', () => {
    const responseComponents = Object.keys(components).filter(
      (name) => !/Request|^UpdateOrganizationDto$/.test(name),
    );
    expect(Object.keys(schemaOfComponent).sort()).toEqual(responseComponents.sort());
  });

  for (const [name, schema] of Object.entries(schemaOfComponent)) {
    it(`${name}: any body the contract allows parses to itself, with unknown fields dropped`, () => {
      fc.assert(
        fc.property(sampleOf({ $ref: `#/components/schemas/${name}` }), ({ sent, expected }) => {
          // Through JSON text, as bodies arrive: `__proto__` keys become own properties here.
          const body = JSON.parse(JSON.stringify(sent)) as unknown;
          const result = safeParse(schema, body);
          expect(result).toEqual({
            success: true,
            data: JSON.parse(JSON.stringify(expected)) as unknown,
          });
          if (result.success) {
            expect(result.data).not.toBe(body);
            expect(strayPrototypes(result.data)).toEqual([]);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('every answer of the sandbox parses, and to exactly what was sent', () => {
  let sandbox: TestSandbox;
  let restoreClient: () => void;
  let chatbotId: string;
  /** The JSON of the last answer, as the sandbox sent it. */
  let lastBody: unknown;

  beforeAll(() => {
    // The seed's first organizations: Northwind (520 contacts), one per hostile string (in every
    // field, a variable key included), duplicates and the start of the import batch.
    sandbox = createTestSandbox({ seedOrganizations: 120 });
    chatbotId = sandbox.chatbotId;
    restoreClient = configureApiClient({
      fetch: async (input, init) => {
        const response = await sandbox.fetch(input, init);
        lastBody = JSON.parse(await response.clone().text()) as unknown;
        return response;
      },
    });
  });
  afterAll(() => {
    restoreClient();
    sandbox.close();
  });

  /** The call's checked result, after asserting it equals the body the sandbox sent. */
  async function whole<T>(call: Promise<T>): Promise<T> {
    const result = await call;
    expect(result).toEqual(lastBody);
    expect(strayPrototypes(result)).toEqual([]);
    return result;
  }

  async function allOrganizations(): Promise<Organization[]> {
    const seen: Organization[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const { organizations } = await whole(listOrganizations({ chatbotId, pageToken, limit: 50 }));
      seen.push(...organizations);
      const last = organizations.at(-1);
      if (!last || organizations.length < 50) return seen;
      pageToken = last.created;
    }
  }

  it('the console config', async () => {
    expect(await whole(getConsoleConfig())).toMatchObject({ mode: 'sandbox' });
  });

  it('list pages, each organization, its contacts and their count', async () => {
    const organizations = await allOrganizations();
    expect(organizations.length).toBeGreaterThan(60);
    let contacts = 0;
    for (const { id: organizationId } of organizations) {
      await whole(getOrganization({ chatbotId, organizationId }));
      contacts += (await whole(listOrganizationContacts({ chatbotId, organizationId }))).contacts
        .length;
      await whole(countOrganizationContacts({ chatbotId, organizationId }));
    }
    expect(contacts).toBeGreaterThan(520);

    // The organization seeded with `__proto__` everywhere keeps it as an ordinary variable.
    const proto = organizations.find((organization) => organization.name === '__proto__');
    expect(Object.getOwnPropertyDescriptor(proto?.variables, '__proto__')?.value).toBe('__proto__');
  });

  it('searches: words, prefixes, typos, everything, and each hostile string', async () => {
    const queries = ['*', 'north', 'nortwind', 'müller gmbh', ...(hostileStrings as string[])];
    let hits = 0;
    for (const query of queries.filter((text) => text.trim() !== '')) {
      for (const page of [1, 2]) {
        const { results } = await whole(
          searchOrganizations({ chatbotId, query, page, pageSize: 30 }),
        );
        hits += results?.hits.length ?? 0;
      }
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('create, update and delete answers', async () => {
    const hostile = (hostileStrings as string[]).find((text) => text.includes('<')) ?? '<b>';
    const { organization } = await whole(
      createOrganization({
        chatbotId,
        body: { name: hostile, size: 12, address: { street: hostile, country: 'DE' } },
      }),
    );
    const organizationId = organization?.id ?? 'missing';
    // From JSON text, so `__proto__` is a variable key, not the object literal's prototype.
    const variables = JSON.parse(
      '{"__proto__": "not a prototype", "constructor": "x"}',
    ) as Organization['variables'];
    const updated = await whole(
      updateOrganization({
        chatbotId,
        organizationId,
        organization: { name: `${hostile} renamed`, variables },
      }),
    );
    expect(Object.keys(updated.organization?.variables ?? {})).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(
      Object.getOwnPropertyDescriptor(updated.organization?.variables, '__proto__')?.value,
    ).toBe('not a prototype');
    expect(await whole(deleteOrganization({ chatbotId, organizationId }))).toEqual({
      deleted: true,
    });
  });
});
