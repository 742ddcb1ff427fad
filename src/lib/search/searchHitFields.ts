import { snippetText } from './searchSnippet.ts';
import type { OrganizationData, SearchHitData } from './searchTypes.ts';

/**
 * What a highlight shows: the field's stored text with the matched tokens to mark in it, or,
 * when the field's text is not at hand (a field the console does not know), the raw snippet.
 */
export type HighlightSource =
  | { text: string; tokens: readonly string[]; snippet?: undefined }
  | { snippet: string; text?: undefined; tokens?: undefined };

/** A matched field other than the name, ready to show as "Label — highlighted value". */
export interface MatchedField {
  field: string;
  label: string;
  highlight: HighlightSource;
}

/** What a result row shows for one hit. */
export interface PresentedHit {
  organization: OrganizationData;
  /** The highlighted name, or null when the name did not match (then show the name as text). */
  nameHighlight: HighlightSource | null;
  /** Matches in other fields, in the server's order (best first). */
  otherMatches: MatchedField[];
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  website: 'Website',
  industry: 'Industry',
  'address.street': 'Street',
  'address.houseNumber': 'House number',
  'address.zipcode': 'Postcode',
  'address.location': 'City',
  'address.country': 'Country',
};

const VARIABLE_PREFIX = 'variables.';
const ADDRESS_PREFIX = 'address.';

/** A field path of a highlight (`address.location`, `variables.crm-id`) in words. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  if (field.startsWith(VARIABLE_PREFIX)) return `Variable ${field.slice(VARIABLE_PREFIX.length)}`;
  return field;
}

/** The organization's stored text at a highlight's field path, if it has one there. */
export function fieldText(organization: OrganizationData, field: string): string | undefined {
  let value: unknown;
  if (field === 'name' || field === 'email' || field === 'website' || field === 'industry') {
    value = organization[field];
  } else if (field.startsWith(ADDRESS_PREFIX)) {
    const address = organization.address as Record<string, unknown> | undefined;
    const key = field.slice(ADDRESS_PREFIX.length);
    value = address && Object.hasOwn(address, key) ? address[key] : undefined;
  } else if (field.startsWith(VARIABLE_PREFIX)) {
    const key = field.slice(VARIABLE_PREFIX.length);
    value = Object.hasOwn(organization.variables, key) ? organization.variables[key] : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

function sourceOf(
  organization: OrganizationData,
  highlight: SearchHitData['highlights'][number],
): HighlightSource {
  const text = fieldText(organization, highlight.field);
  return text === undefined
    ? { snippet: highlight.snippet }
    : { text, tokens: highlight.matchedTokens };
}

/** The highlight as plain text (a title, what a screen reader or a copy gets). */
export function plainTextOf(source: HighlightSource): string {
  return source.text ?? snippetText(source.snippet);
}

/** Splits a hit's highlights into the name's and the other fields'. */
export function presentHit(hit: SearchHitData): PresentedHit {
  const { organization } = hit;
  const nameHighlight = hit.highlights.find((highlight) => highlight.field === 'name');
  return {
    organization,
    nameHighlight: nameHighlight ? sourceOf(organization, nameHighlight) : null,
    otherMatches: hit.highlights
      .filter((highlight) => highlight.field !== 'name')
      .map((highlight) => ({
        field: highlight.field,
        label: fieldLabel(highlight.field),
        highlight: sourceOf(organization, highlight),
      })),
  };
}

function sameSource(a: HighlightSource | null, b: HighlightSource | null | undefined): boolean {
  if (a === null || b === null || b === undefined) return a === b;
  return (
    a.text === b.text &&
    a.snippet === b.snippet &&
    (a.tokens === b.tokens ||
      (a.tokens !== undefined &&
        b.tokens !== undefined &&
        a.tokens.length === b.tokens.length &&
        a.tokens.every((token, index) => token === b.tokens[index])))
  );
}

/**
 * Whether two hits show the same: the same organization with the same name, email and website,
 * and the same highlights. Each response brings new objects even when, as one types on through
 * a word, the hits and their highlights stay the same; their rows need not re-render.
 */
/**
 * "City, country" of the organization's address (either alone when the other is missing, empty
 * when neither is set): what tells look-alike results apart at a glance.
 */
export function placeOf(organization: OrganizationData): string {
  const address = organization.address as Record<string, unknown> | undefined;
  return [address?.location, address?.country]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(', ');
}

export function sameShownHit(a: PresentedHit, b: PresentedHit): boolean {
  if (a === b) return true;
  const x = a.organization;
  const y = b.organization;
  return (
    x.id === y.id &&
    x.name === y.name &&
    x.email === y.email &&
    x.website === y.website &&
    placeOf(x) === placeOf(y) &&
    sameSource(a.nameHighlight, b.nameHighlight) &&
    a.otherMatches.length === b.otherMatches.length &&
    a.otherMatches.every(
      (match, index) =>
        match.label === b.otherMatches[index]?.label &&
        sameSource(match.highlight, b.otherMatches[index]?.highlight),
    )
  );
}
