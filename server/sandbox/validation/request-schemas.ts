// The sandbox's request bodies checked against the contract itself: the JSON Schemas of the
// request DTOs are taken from src/api/openapi.json (so a field the document adds, drops or
// retypes changes what the sandbox accepts, with no second list to keep in step), closed to
// unknown fields, and given the sandbox's documented limits (field-limits.ts). ajv checks them;
// its errors become the short messages the sandbox has always answered with ("name must be a
// string", "unknown field "phone"", "address.street must be at most 5,000 characters").
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import openapi from '../../../src/api/openapi.json' with { type: 'json' };
import { characters, exceedsCharacters, FIELD_LIMITS } from './field-limits.ts';

interface JsonSchema {
  [keyword: string]: unknown;
}

const COMPONENTS = openapi.components.schemas as Record<string, JsonSchema>;

/** The longest text of each string field, by property name (each address field alike). */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  name: FIELD_LIMITS.name,
  email: FIELD_LIMITS.email,
  website: FIELD_LIMITS.website,
  industry: FIELD_LIMITS.industry,
  phoneNumber: FIELD_LIMITS.phoneNumber,
  street: FIELD_LIMITS.addressField,
  houseNumber: FIELD_LIMITS.addressField,
  zipcode: FIELD_LIMITS.addressField,
  location: FIELD_LIMITS.addressField,
  country: FIELD_LIMITS.addressField,
};

const VARIABLES = 'variables';

/**
 * A contract schema as plain JSON Schema: `$ref`s and `allOf: [{$ref}]` inlined, objects closed,
 * descriptions dropped, and each property given its limit.
 */
function resolve(schema: JsonSchema, propertyName?: string): JsonSchema {
  if (typeof schema.$ref === 'string') {
    const target = COMPONENTS[schema.$ref.replace('#/components/schemas/', '')];
    if (target === undefined) throw new Error(`openapi.json: unknown $ref ${schema.$ref}`);
    return resolve(target, propertyName);
  }
  const allOf = schema.allOf as JsonSchema[] | undefined;
  if (allOf?.length === 1 && allOf[0] !== undefined) return resolve(allOf[0], propertyName);

  const { description: _description, example: _example, ...result } = schema;
  if (result.properties !== undefined) {
    const properties = result.properties as Record<string, JsonSchema>;
    result.properties = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [name, resolve(child, name)]),
    );
    result.additionalProperties ??= false;
  }
  if (result.type === 'string' && propertyName !== undefined) {
    const limit = TEXT_LIMITS[propertyName];
    if (limit !== undefined) result.maxLength = limit;
  }
  if (propertyName === VARIABLES && result.type === 'object') {
    result.maxProperties = FIELD_LIMITS.variableCount;
    result.propertyNames = { maxLength: FIELD_LIMITS.variableKey };
    result.additionalProperties = {
      ...(result.additionalProperties as JsonSchema),
      maxLength: FIELD_LIMITS.variableValue,
    };
  }
  return result;
}

// allErrors: a client learns every problem of its body at once. strictNumbers (ajv's default)
// refuses Infinity, which `1e999` parses to and JSON cannot give back. maxLength counts code
// points, as the limits do.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  strictNumbers: true,
  validateFormats: false,
});

export const createOrganizationSchema = resolve({
  $ref: '#/components/schemas/CreateOrganizationRequestDto',
});
export const updateOrganizationSchema = resolve({
  $ref: '#/components/schemas/UpdateOrganizationRequestDto',
});

const validateCreate = ajv.compile(createOrganizationSchema);
const validateUpdate = ajv.compile(updateOrganizationSchema);

/** The messages of everything wrong with a create body (an object); none when it is valid. */
export function createBodyProblems(body: Record<string, unknown>): string[] {
  return problems(validateCreate, body);
}

/** The messages of everything wrong with an update body (an object); none when it is valid. */
export function updateBodyProblems(body: Record<string, unknown>): string[] {
  const messages = problems(validateUpdate, body);
  const total = variablesTotalProblem(body.organization);
  if (total !== undefined) messages.push(total);
  return messages;
}

// Unknown fields first, then missing ones, then each field's own problems, as a reader fixes them.
const RANK: Readonly<Record<string, number>> = { additionalProperties: 0, required: 1 };

function problems(validate: ValidateFunction, body: Record<string, unknown>): string[] {
  const errors = validate(body) ? [] : [...(validate.errors ?? [])];
  // A variables map with too many entries is not checked entry by entry.
  const tooMany = errors
    .filter((error) => error.keyword === 'maxProperties')
    .map((error) => `${error.instancePath}/`);
  const kept = errors.filter(
    (error) =>
      error.keyword !== 'propertyNames' &&
      !tooMany.some((path) => error.instancePath.startsWith(path)) &&
      !(tooMany.includes(`${error.instancePath}/`) && error.keyword === 'maxLength'),
  );
  kept.sort((a, b) => (RANK[a.keyword] ?? 2) - (RANK[b.keyword] ?? 2));
  return kept.map(message);
}

/** `/organization/variables/seats` → `organization.variables["seats"]`. */
function fieldPath(instancePath: string, child?: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) segments.push(child);
  let path = '';
  segments.forEach((segment, index) => {
    if (index > 0 && segments[index - 1] === VARIABLES) {
      const shown = segment.length > 40 ? `${segment.slice(0, 40)}…` : segment;
      path += `[${JSON.stringify(shown)}]`;
    } else {
      path += path === '' ? segment : `.${segment}`;
    }
  });
  return path;
}

function message(error: ErrorObject): string {
  const path = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(fieldPath(error.instancePath, String(params.additionalProperty)))}`;
    case 'required':
      return `${fieldPath(error.instancePath, String(params.missingProperty))} is required`;
    case 'type':
      if (params.type === 'object') {
        return path.endsWith(VARIABLES)
          ? `${path} must be an object of string values`
          : `${path} must be an object`;
      }
      return `${path} must be a ${String(params.type)}`;
    case 'maxLength':
      // A key of the variables map (propertyNames) or a text.
      return error.propertyName !== undefined
        ? `the name of ${fieldPath(error.instancePath, error.propertyName)} must be ${characters(Number(params.limit))}`
        : `${path} must be ${characters(Number(params.limit))}`;
    case 'maxProperties':
      return `${path} must have at most ${String(params.limit)} entries`;
    default:
      return `${path || 'request body'} ${error.message ?? 'is not allowed'}`;
  }
}

/** All names and values of the variables together, which JSON Schema cannot bound. */
function variablesTotalProblem(organization: unknown): string | undefined {
  if (typeof organization !== 'object' || organization === null) return undefined;
  const variables = (organization as Record<string, unknown>)[VARIABLES];
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return undefined;
  }
  const entries = Object.entries(variables as Record<string, unknown>);
  if (entries.length > FIELD_LIMITS.variableCount) return undefined;
  let units = 0;
  for (const [key, value] of entries)
    units += key.length + (typeof value === 'string' ? value.length : 0);
  // Code units are at least as many as characters: count characters only when it can matter.
  if (
    units > FIELD_LIMITS.variablesTotal &&
    exceedsCharacters(entries.flat().join(''), FIELD_LIMITS.variablesTotal)
  ) {
    return `organization.${VARIABLES} must hold ${characters(FIELD_LIMITS.variablesTotal)} in all (names and values)`;
  }
  return undefined;
}
