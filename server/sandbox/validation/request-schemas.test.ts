// The sandbox's request schemas are the contract's request DTOs, closed, with the documented
// limits added: a field of the document is accepted with its type, and nothing else is.
import { describe, expect, it } from 'vitest';
import openapi from '../../../src/api/openapi.json' with { type: 'json' };
import { FIELD_LIMITS } from './field-limits.ts';
import {
  createBodyProblems,
  createOrganizationSchema,
  updateBodyProblems,
  updateOrganizationSchema,
} from './request-schemas.ts';

type Properties = Record<string, { type?: string; maxLength?: number } & Record<string, unknown>>;
const schemas = openapi.components.schemas as Record<string, { properties: Properties }>;

describe('request schemas derived from src/api/openapi.json', () => {
  it('create takes exactly the fields of CreateOrganizationRequestDto, closed', () => {
    const properties = createOrganizationSchema.properties as Properties;
    expect(Object.keys(properties)).toEqual(
      Object.keys(schemas.CreateOrganizationRequestDto!.properties),
    );
    expect(createOrganizationSchema.additionalProperties).toBe(false);
    expect(properties.name).toMatchObject({ type: 'string', maxLength: FIELD_LIMITS.name });
    expect(properties.phoneNumber?.maxLength).toBe(FIELD_LIMITS.phoneNumber);
    expect(properties.address).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('update wraps UpdateOrganizationDto, whose variables carry the map limits', () => {
    const organization = (updateOrganizationSchema.properties as Properties).organization!;
    const properties = organization.properties as Properties;
    expect(Object.keys(properties)).toEqual(Object.keys(schemas.UpdateOrganizationDto!.properties));
    expect(organization.required).toEqual(['variables']);
    expect(properties.variables).toMatchObject({
      maxProperties: FIELD_LIMITS.variableCount,
      propertyNames: { maxLength: FIELD_LIMITS.variableKey },
      additionalProperties: { type: 'string', maxLength: FIELD_LIMITS.variableValue },
    });
  });

  it('answers in the sandbox messages, unknown fields first', () => {
    expect(createBodyProblems({ name: 'x' })).toEqual([]);
    expect(createBodyProblems({ size: 'big', fax: '1' })).toEqual([
      'unknown field "fax"',
      'name is required',
      'size must be a number',
    ]);
    expect(createBodyProblems({ name: 'x', size: Infinity })).toEqual(['size must be a number']);
    // Characters, not UTF-16 units: 5,000 rockets are 10,000 units and still allowed.
    expect(createBodyProblems({ name: '🚀'.repeat(FIELD_LIMITS.name) })).toEqual([]);
    expect(createBodyProblems({ name: 'x', address: { street: 's'.repeat(5_001) } })).toEqual([
      'address.street must be at most 5,000 characters',
    ]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 1]));
    expect(updateBodyProblems({ organization: { variables: many } })).toEqual([
      'organization.variables must have at most 50 entries',
    ]);
    expect(
      updateBodyProblems({ organization: { variables: { ['n'.repeat(5_001)]: 'v', seats: 3 } } }),
    ).toEqual([
      `the name of organization.variables["${'n'.repeat(40)}…"] must be at most 5,000 characters`,
      'organization.variables["seats"] must be a string',
    ]);
    const big = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v'.repeat(4_999)]),
    );
    expect(updateBodyProblems({ organization: { variables: big } })).toEqual([
      'organization.variables must hold at most 20,000 characters in all (names and values)',
    ]);
  });
});
