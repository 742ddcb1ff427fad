/** The URL parameter that holds the search text (organizationSearchPath in src/routes.ts). */
export const SEARCH_PARAM = 'q';

/** The search text in a URL's parameters, as typed (empty when there is none). */
export function readSearchParam(params: URLSearchParams): string {
  return params.get(SEARCH_PARAM) ?? '';
}

/** The parameters with the search text set, or removed when it is empty; others are kept. */
export function withSearchParam(params: URLSearchParams, text: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (text === '') next.delete(SEARCH_PARAM);
  else next.set(SEARCH_PARAM, text);
  return next;
}

/** What is sent to the API for the typed text, or null when there is nothing to search for. */
export function searchTerm(text: string): string | null {
  const term = text.trim();
  return term === '' ? null : term;
}

/** Lower-cased, diacritics removed: close enough to the engine's folding to spot a repeat. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * The search text narrowed by a facet value. The API has no filter parameter, so the value is
 * added to the text: the engine then wants every word somewhere in an organization (AND), which
 * narrows the results, though the value may match in a field other than the facet's. A value
 * whose words are all in the text already changes nothing; `*` (everything) is replaced.
 */
export function refineSearchText(text: string, value: string): string {
  const current = text.trim();
  if (current === '' || current === '*') return value.trim();
  const have = new Set(words(current));
  const wanted = words(value);
  if (wanted.length > 0 && wanted.every((word) => have.has(word))) return current;
  return `${current} ${value.trim()}`;
}
