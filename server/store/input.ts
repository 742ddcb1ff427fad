// Checks and normalisation of what callers hand to the store, shared by both engines so that a
// value refused (or adjusted) on one is refused (or adjusted) the same way on the other.
import { StoreInputError } from './errors.ts';

export const MAX_ID_LENGTH = 1_000;
export const MAX_TEXT_LENGTH = 100_000;

/**
 * PostgreSQL's text cannot hold U+0000, so both engines store U+FFFD in its place in text columns
 * (names, e-mails, error messages, ids) and behave alike. JSON columns keep U+0000 exactly.
 */
export function storedText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

/** A non-empty identifier-like string (an id, a subject, an operation); refused when too long. */
export function requiredId(name: string, value: unknown, maxLength = MAX_ID_LENGTH): string {
  if (typeof value !== 'string' || value === '') {
    throw new StoreInputError(`${name} must be a non-empty string.`);
  }
  if (value.length > maxLength) {
    throw new StoreInputError(`${name} must be at most ${maxLength} characters.`);
  }
  return storedText(value);
}

export function optionalId(name: string, value: unknown, maxLength = MAX_ID_LENGTH): string | null {
  return value === null || value === undefined ? null : requiredId(name, value, maxLength);
}

/** Free text (a name, an error message): may be empty; cut to `maxLength` rather than refused. */
export function optionalText(
  name: string,
  value: unknown,
  maxLength = MAX_TEXT_LENGTH,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new StoreInputError(`${name} must be a string or null.`);
  return storedText(value.length > maxLength ? value.slice(0, maxLength) : value);
}

export function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StoreInputError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Epoch milliseconds. */
export function timestamp(name: string, value: unknown): number {
  return wholeNumber(name, value, 0, 8_640_000_000_000_000);
}

export function pageLimit(value: number | undefined, fallback = 100, max = 1_000): number {
  return value === undefined ? fallback : wholeNumber('limit', value, 1, max);
}

/** A non-empty list of distinct, valid ids, or undefined for "any". */
export function optionalIdList(
  name: string,
  values: readonly string[] | undefined,
): string[] | null {
  if (values === undefined) return null;
  if (!Array.isArray(values) || values.length === 0) {
    throw new StoreInputError(`${name} must be a non-empty list when given.`);
  }
  return [...new Set(values.map((value) => requiredId(name, value)))];
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new StoreInputError(`${name} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** An opaque cursor for keyset pagination: the sort key of the last row returned. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const valid =
    Array.isArray(parts) &&
    parts.length === shape.length &&
    parts.every((part, index) =>
      shape[index] === 'number' ? Number.isSafeInteger(part) : typeof part === 'string',
    );
  if (!valid) throw new StoreInputError('cursor is not one this store returned.');
  return parts as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
