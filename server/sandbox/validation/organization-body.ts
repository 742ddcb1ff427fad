import type { AddressDto, CreateOrganizationRequestDto, UpdateOrganizationDto } from '../types.ts';
import { characters, exceedsCharacters, FIELD_LIMITS } from './field-limits.ts';
import { ValidationError } from './validation-error.ts';

/** A text field and its longest accepted value (field-limits.ts), or another kind of field. */
type FieldKind = { text: number } | 'number' | 'address' | 'variables';

// The fields each request DTO of src/api/openapi.json declares; anything else is refused,
// so a client learns at once that a field it sends would be dropped.
const CREATE_FIELDS: Readonly<Record<string, FieldKind>> = {
  name: { text: FIELD_LIMITS.name },
  email: { text: FIELD_LIMITS.email },
  website: { text: FIELD_LIMITS.website },
  size: 'number',
  industry: { text: FIELD_LIMITS.industry },
  address: 'address',
  phoneNumber: { text: FIELD_LIMITS.phoneNumber },
};
const UPDATE_FIELDS: Readonly<Record<string, FieldKind>> = {
  name: { text: FIELD_LIMITS.name },
  email: { text: FIELD_LIMITS.email },
  website: { text: FIELD_LIMITS.website },
  size: 'number',
  industry: { text: FIELD_LIMITS.industry },
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

// Fatal: bytes that are not UTF-8 are refused, never stored as U+FFFD in place of what was sent.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes as JSON; refused unless they are UTF-8 and JSON. */
export function parseJsonBody(bytes: ArrayBuffer): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ValidationError(['request body must be valid UTF-8']);
  }
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
  if (typeof kind === 'object') {
    checkText(value, path, kind.text, errors);
    return;
  }
  switch (kind) {
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
        if (Object.hasOwn(value, field)) {
          checkText(value[field], `${path}.${field}`, FIELD_LIMITS.addressField, errors);
        }
      }
      return;
    case 'variables':
      checkVariables(value, path, errors);
      return;
  }
}

function checkText(value: unknown, path: string, limit: number, errors: string[]): void {
  if (typeof value !== 'string') errors.push(`${path} must be a string`);
  else if (exceedsCharacters(value, limit)) errors.push(`${path} must be ${characters(limit)}`);
}

function checkVariables(value: unknown, path: string, errors: string[]): void {
  if (!isPlainObject(value)) {
    errors.push(`${path} must be an object of string values`);
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > FIELD_LIMITS.variableCount) {
    errors.push(`${path} must have at most ${FIELD_LIMITS.variableCount} entries`);
    return;
  }
  let units = 0;
  for (const [key, entry] of entries) {
    const shownKey = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    const entryPath = `${path}[${JSON.stringify(shownKey)}]`;
    if (exceedsCharacters(key, FIELD_LIMITS.variableKey)) {
      errors.push(`the name of ${entryPath} must be ${characters(FIELD_LIMITS.variableKey)}`);
    }
    checkText(entry, entryPath, FIELD_LIMITS.variableValue, errors);
    units += key.length + (typeof entry === 'string' ? entry.length : 0);
  }
  // Code units are at least as many as characters: count characters only when it can matter.
  if (
    units > FIELD_LIMITS.variablesTotal &&
    exceedsCharacters(entries.flat().join(''), FIELD_LIMITS.variablesTotal)
  ) {
    errors.push(
      `${path} must hold ${characters(FIELD_LIMITS.variablesTotal)} in all (names and values)`,
    );
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
