import type { AddressDto, CreateOrganizationRequestDto, UpdateOrganizationDto } from '../types.ts';
import { ValidationError } from './validation-error.ts';

type FieldKind = 'string' | 'number' | 'address' | 'variables';

// The fields each request DTO of organizations.openapi.json declares; anything else is refused,
// so a client learns at once that a field it sends would be dropped.
const CREATE_FIELDS: Readonly<Record<string, FieldKind>> = {
  name: 'string',
  email: 'string',
  website: 'string',
  size: 'number',
  industry: 'string',
  address: 'address',
  phoneNumber: 'string',
};
const UPDATE_FIELDS: Readonly<Record<string, FieldKind>> = {
  name: 'string',
  email: 'string',
  website: 'string',
  size: 'number',
  industry: 'string',
  address: 'address',
  variables: 'variables',
};
const ADDRESS_FIELDS: readonly (keyof AddressDto)[] = [
  'street',
  'houseNumber',
  'zipcode',
  'location',
  'country',
];

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError(['request body must be valid JSON']);
  }
}

/** Checks a create body (flat; only `name` required) and returns it typed. */
export function validateCreateOrganization(body: unknown): CreateOrganizationRequestDto {
  const errors: string[] = [];
  if (!isPlainObject(body)) throw new ValidationError(['request body must be a JSON object']);
  checkFields(body, '', CREATE_FIELDS, ['name'], errors);
  if (errors.length > 0) throw new ValidationError(errors);
  return body as unknown as CreateOrganizationRequestDto;
}

/** Checks an update body (`{organization: {...}}`, `variables` required) and returns the inner DTO. */
export function validateUpdateOrganization(body: unknown): UpdateOrganizationDto {
  const errors: string[] = [];
  if (!isPlainObject(body)) throw new ValidationError(['request body must be a JSON object']);
  checkUnknownFields(body, '', ['organization'], errors);
  const organization = body.organization;
  if (organization === undefined) {
    errors.push('organization is required');
  } else if (!isPlainObject(organization)) {
    errors.push('organization must be an object');
  } else {
    checkFields(organization, 'organization.', UPDATE_FIELDS, ['variables'], errors);
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return organization as unknown as UpdateOrganizationDto;
}

function checkFields(
  value: Record<string, unknown>,
  prefix: string,
  fields: Readonly<Record<string, FieldKind>>,
  required: readonly string[],
  errors: string[],
): void {
  checkUnknownFields(value, prefix, Object.keys(fields), errors);
  for (const name of required) {
    if (value[name] === undefined) errors.push(`${prefix}${name} is required`);
  }
  for (const [name, kind] of Object.entries(fields)) {
    if (Object.hasOwn(value, name)) checkField(value[name], `${prefix}${name}`, kind, errors);
  }
}

function checkField(value: unknown, path: string, kind: FieldKind, errors: string[]): void {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') errors.push(`${path} must be a string`);
      return;
    case 'number':
      // JSON cannot spell NaN, but 1e999 parses to Infinity, which JSON cannot give back.
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.push(`${path} must be a number`);
      }
      return;
    case 'address':
      if (!isPlainObject(value)) {
        errors.push(`${path} must be an object`);
        return;
      }
      checkUnknownFields(value, `${path}.`, ADDRESS_FIELDS, errors);
      for (const field of ADDRESS_FIELDS) {
        if (Object.hasOwn(value, field) && typeof value[field] !== 'string') {
          errors.push(`${path}.${field} must be a string`);
        }
      }
      return;
    case 'variables':
      if (!isPlainObject(value)) {
        errors.push(`${path} must be an object of string values`);
        return;
      }
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry !== 'string')
          errors.push(`${path}[${JSON.stringify(key)}] must be a string`);
      }
      return;
  }
}

function checkUnknownFields(
  value: Record<string, unknown>,
  prefix: string,
  known: readonly string[],
  errors: string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) errors.push(`unknown field ${JSON.stringify(prefix + key)}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
