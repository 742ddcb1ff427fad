import type { CreateOrganizationRequestDto, UpdateOrganizationDto } from '../types.ts';
import { createBodyProblems, updateBodyProblems } from './request-schemas.ts';
import { ValidationError } from './validation-error.ts';

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

/**
 * Checks a create body (flat; only `name` required) against the contract's
 * CreateOrganizationRequestDto with the sandbox's limits (request-schemas.ts); returns it typed.
 * Any field the DTO does not declare is refused, so a client learns at once that it would be
 * dropped.
 */
export function validateCreateOrganization(body: unknown): CreateOrganizationRequestDto {
  if (!isPlainObject(body)) throw new ValidationError(['request body must be a JSON object']);
  const errors = createBodyProblems(body);
  if (errors.length > 0) throw new ValidationError(errors);
  return body as unknown as CreateOrganizationRequestDto;
}

/**
 * Checks an update body (`{organization: {...}}`, `variables` required) against the contract's
 * UpdateOrganizationRequestDto with the sandbox's limits; returns the inner DTO.
 */
export function validateUpdateOrganization(body: unknown): UpdateOrganizationDto {
  if (!isPlainObject(body)) throw new ValidationError(['request body must be a JSON object']);
  const errors = updateBodyProblems(body);
  if (errors.length > 0) throw new ValidationError(errors);
  return body.organization as UpdateOrganizationDto;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
