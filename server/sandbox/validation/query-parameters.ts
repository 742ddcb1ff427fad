import type { SearchParams } from '../search/types.ts';
import type { OrganizationPage } from '../db/organization-store.ts';
import { parseIsoTimestampCeilMs } from './iso-timestamp.ts';
import { ValidationError } from './validation-error.ts';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_PAGE_SIZE = 250;

/** Query parameters as the router hands them over: absent ones are undefined. */
export type RawQuery = Readonly<Record<string, string | undefined>>;

/** `?pageToken&limit` of the list operation. */
export function parseListQuery(query: RawQuery): OrganizationPage {
  const errors: string[] = [];
  const { pageToken, limit } = query;
  let createdBeforeMs: number | undefined;
  if (pageToken !== undefined) {
    createdBeforeMs = parseIsoTimestampCeilMs(pageToken);
    if (createdBeforeMs === undefined) errors.push('pageToken must be an ISO 8601 timestamp');
  }
  const parsedLimit =
    limit === undefined ? DEFAULT_LIST_LIMIT : parseWholeNumber(limit, 1, MAX_PAGE_SIZE);
  if (parsedLimit === undefined)
    errors.push(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (errors.length > 0 || parsedLimit === undefined) throw new ValidationError(errors);
  return createdBeforeMs === undefined
    ? { limit: parsedLimit }
    : { createdBeforeMs, limit: parsedLimit };
}

/** `?query&page&pageSize&hiddenHits` of the search operation (the first three are required). */
export function parseSearchQuery(query: RawQuery): SearchParams {
  const errors: string[] = [];
  const text = query.query;
  if (text === undefined) errors.push('query is required');
  const page = requiredWholeNumber(query, 'page', 1, Number.MAX_SAFE_INTEGER, errors);
  const pageSize = requiredWholeNumber(query, 'pageSize', 1, MAX_PAGE_SIZE, errors);
  if (errors.length > 0 || text === undefined || page === undefined || pageSize === undefined) {
    throw new ValidationError(errors);
  }
  const hiddenHits = (query.hiddenHits ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return { query: text, page, pageSize, hiddenHits };
}

function requiredWholeNumber(
  query: RawQuery,
  name: string,
  min: number,
  max: number,
  errors: string[],
): number | undefined {
  const text = query[name];
  if (text === undefined) {
    errors.push(`${name} is required`);
    return undefined;
  }
  const value = parseWholeNumber(text, min, max);
  if (value === undefined) {
    errors.push(
      max === Number.MAX_SAFE_INTEGER
        ? `${name} must be a whole number of at least ${min}`
        : `${name} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}
