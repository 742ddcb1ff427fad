import type { OrganizationData, SearchHitData } from './searchTypes.ts';

/** A matched field other than the name, ready to show as "Label — snippet". */
export interface MatchedField {
  field: string;
  label: string;
  snippet: string;
}

/** What a result row shows for one hit. */
export interface PresentedHit {
  organization: OrganizationData;
  /** The highlighted name, or null when the name did not match (then show the name as text). */
  nameSnippet: string | null;
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

/** A field path of a highlight (`address.location`, `variables.crm-id`) in words. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  if (field.startsWith(VARIABLE_PREFIX)) return `Variable ${field.slice(VARIABLE_PREFIX.length)}`;
  return field;
}

/** Splits a hit's highlights into the name's and the other fields'. */
export function presentHit(hit: SearchHitData): PresentedHit {
  const nameHighlight = hit.highlights.find((highlight) => highlight.field === 'name');
  return {
    organization: hit.organization,
    nameSnippet: nameHighlight ? nameHighlight.snippet : null,
    otherMatches: hit.highlights
      .filter((highlight) => highlight.field !== 'name')
      .map((highlight) => ({
        field: highlight.field,
        label: fieldLabel(highlight.field),
        snippet: highlight.snippet,
      })),
  };
}

/**
 * Whether two hits show the same: the same organization with the same name, email and website,
 * and the same highlighted snippets. Each response brings new objects even when, as one types on
 * through a word, the hits and their highlights stay the same; their rows need not re-render.
 */
export function sameShownHit(a: PresentedHit, b: PresentedHit): boolean {
  if (a === b) return true;
  const x = a.organization;
  const y = b.organization;
  return (
    x.id === y.id &&
    x.name === y.name &&
    x.email === y.email &&
    x.website === y.website &&
    a.nameSnippet === b.nameSnippet &&
    a.otherMatches.length === b.otherMatches.length &&
    a.otherMatches.every(
      (match, index) =>
        match.label === b.otherMatches[index]?.label &&
        match.snippet === b.otherMatches[index]?.snippet,
    )
  );
}
