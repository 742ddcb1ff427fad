import type { OrganizationDto } from '../types.ts';
import { MAX_DOCUMENT_CHARS, MAX_DOCUMENT_TOKENS } from './limits.ts';

/**
 * Receives one searchable text of an organization, named by its dotted path
 * (`address.location`) with its rank (0 ranks highest: a match in the name beats a match
 * anywhere else); returning `false` stops the visit.
 */
export type FieldVisitor = (path: string, rank: number, text: string) => boolean | void;

const ADDRESS_FIELDS = ['location', 'country', 'street', 'zipcode', 'houseNumber'] as const;
const ADDRESS_PATHS = ADDRESS_FIELDS.map((key) => `address.${key}`);
const ADDRESS_FIRST_RANK = 4;
const VARIABLES_RANK = ADDRESS_FIRST_RANK + ADDRESS_FIELDS.length;
/** Ranks run from 0 (name) to this value minus one (the variables). */
export const FIELD_RANK_COUNT = VARIABLES_RANK + 1;

/**
 * Visits the organization's searchable texts, best-ranked first: name, email, website,
 * industry, the address fields, then the variables' values in their stored order. Empty texts
 * and non-strings (the store may hold what another client wrote) are skipped. A visitor rather
 * than a list: the index build calls this for every organization.
 */
export function forEachDocumentField(organization: OrganizationDto, visit: FieldVisitor): void {
  if (isText(organization.name) && visit('name', 0, organization.name) === false) return;
  if (isText(organization.email) && visit('email', 1, organization.email) === false) return;
  if (isText(organization.website) && visit('website', 2, organization.website) === false) return;
  if (isText(organization.industry) && visit('industry', 3, organization.industry) === false) {
    return;
  }
  const address = organization.address;
  if (address) {
    for (let offset = 0; offset < ADDRESS_FIELDS.length; offset++) {
      const text = address[ADDRESS_FIELDS[offset] as keyof typeof address];
      if (!isText(text)) continue;
      if (visit(ADDRESS_PATHS[offset] as string, ADDRESS_FIRST_RANK + offset, text) === false) {
        return;
      }
    }
  }
  const variables = organization.variables;
  if (variables) {
    for (const key in variables) {
      if (!Object.hasOwn(variables, key)) continue;
      const text = variables[key];
      if (isText(text) && visit(variablePath(key), VARIABLES_RANK, text) === false) return;
    }
  }
}

/**
 * Reads a field's searchable part: the tokens of `text[0, end)`, at most `maxTokens` of them;
 * returns how many it read.
 */
export type SearchableFieldReader = (
  path: string,
  rank: number,
  text: string,
  end: number,
  maxTokens: number,
) => number;

/**
 * Visits the part of each field that is searchable, in the order of `forEachDocumentField`,
 * within the document's budget (MAX_DOCUMENT_CHARS characters, MAX_DOCUMENT_TOKENS tokens):
 * the index and the highlights read exactly the same tokens of a record.
 */
export function forEachSearchableField(
  organization: OrganizationDto,
  read: SearchableFieldReader,
): void {
  let charsLeft = MAX_DOCUMENT_CHARS;
  let tokensLeft = MAX_DOCUMENT_TOKENS;
  forEachDocumentField(organization, (path, rank, text) => {
    const end = Math.min(text.length, charsLeft);
    // Every field costs at least one character, so a million empty-looking variables end too.
    charsLeft -= Math.max(1, end);
    tokensLeft -= read(path, rank, text, end, tokensLeft);
    return charsLeft > 0 && tokensLeft > 0;
  });
}

// A handful of variable names recur in every record: one path string each, not one per visit.
const VARIABLE_PATHS = new Map<string, string>();
const VARIABLE_PATHS_LIMIT = 10_000;

function variablePath(key: string): string {
  let path = VARIABLE_PATHS.get(key);
  if (path === undefined) {
    path = `variables.${key}`;
    if (VARIABLE_PATHS.size < VARIABLE_PATHS_LIMIT) VARIABLE_PATHS.set(key, path);
  }
  return path;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
