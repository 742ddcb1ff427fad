import type { OrganizationDto } from '../types.ts';

/** A searchable text of an organization, named by its dotted path (`address.location`). */
export interface DocumentField {
  path: string;
  /** 0 ranks highest: a match in the name beats a match anywhere else. */
  rank: number;
  text: string;
}

export type FieldVisitor = (path: string, rank: number, text: string) => void;

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
  if (isText(organization.name)) visit('name', 0, organization.name);
  if (isText(organization.email)) visit('email', 1, organization.email);
  if (isText(organization.website)) visit('website', 2, organization.website);
  if (isText(organization.industry)) visit('industry', 3, organization.industry);
  const address = organization.address;
  if (address) {
    for (let offset = 0; offset < ADDRESS_FIELDS.length; offset++) {
      const text = address[ADDRESS_FIELDS[offset] as keyof typeof address];
      if (isText(text)) visit(ADDRESS_PATHS[offset] as string, ADDRESS_FIRST_RANK + offset, text);
    }
  }
  const variables = organization.variables;
  if (variables) {
    for (const key in variables) {
      if (!Object.hasOwn(variables, key)) continue;
      const text = variables[key];
      if (isText(text)) visit(variablePath(key), VARIABLES_RANK, text);
    }
  }
}

/** The organization's searchable texts as a list, in the order of `forEachDocumentField`. */
export function documentFields(organization: OrganizationDto): DocumentField[] {
  const fields: DocumentField[] = [];
  forEachDocumentField(organization, (path, rank, text) => fields.push({ path, rank, text }));
  return fields;
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
