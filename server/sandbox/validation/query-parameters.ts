import { parseQuery, RequestTargetError, splitUrl } from '../../api/request-target.ts';
import type { SearchParams } from '../search/types.ts';
import type { OrganizationPage } from '../db/organization-store.ts';
import {
  characters,
  exceedsCharacters,
  MAX_HIDDEN_HITS,
  MAX_SEARCH_QUERY_CHARACTERS,
} from './field-limits.ts';
import { parseIsoTimestampCeilMs } from './iso-timestamp.ts';
import { ValidationError } from './validation-error.ts';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_PAGE_SIZE = 250;

/** Query parameters by name: absent ones are undefined. */
export type RawQuery = Readonly<Record<string, string | undefined>>;

/**
 * The query of a request URL, strictly: a parameter given twice, or text that is not
 * percent-encoded UTF-8, is refused (the router would take the first value, or keep bad escapes
 * as they are). Parameters the operation does not read are ignored, as the API does.
 */
export function readQuery(url: string): RawQuery {
  try {
    return Object.fromEntries(parseQuery(splitUrl(url).search));
  } catch (error) {
    if (error instanceof RequestTargetError) throw new ValidationError([error.message]);
    throw error;
  }
}

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
  else if (exceedsCharacters(text, MAX_SEARCH_QUERY_CHARACTERS)) {
    errors.push(`query must be ${characters(MAX_SEARCH_QUERY_CHARACTERS)}`);
  }
  const page = requiredWholeNumber(query, 'page', 1, Number.MAX_SAFE_INTEGER, errors);
  const pageSize = requiredWholeNumber(query, 'pageSize', 1, MAX_PAGE_SIZE, errors);
  if (errors.length > 0 || text === undefined || page === undefined || pageSize === undefined) {
    throw new ValidationError(errors);
  }
  const hiddenHits = (query.hiddenHits ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (hiddenHits.length > MAX_HIDDEN_HITS) {
    throw new ValidationError([`hiddenHits must name at most ${MAX_HIDDEN_HITS} ids`]);
  }
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
