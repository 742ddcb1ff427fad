// The sandbox's documented limits (README, "Sandbox limits"): a body above any of them is a 400
// naming the field, so no single organization can make the sandbox store, index or return an
// unbounded amount of text. Counted in characters (Unicode code points).
//
// Free text allows 5,000 characters: the longest hostile value of fixtures/hostile-strings.json,
// which the seed stores in every field and the console's forms accept as typed.

export const FIELD_LIMITS = {
  name: 5_000,
  email: 320,
  website: 2_048,
  industry: 5_000,
  phoneNumber: 200,
  /** Each of street, houseNumber, zipcode, location and country. */
  addressField: 5_000,
  variableCount: 50,
  variableKey: 5_000,
  variableValue: 5_000,
  /** All keys and values of an organization's variables together. */
  variablesTotal: 20_000,
} as const;

/** A search's text: as long as the longest field, so any stored value can be pasted and found. */
export const MAX_SEARCH_QUERY_CHARACTERS = 5_000;
/** Ids in one search's `hiddenHits`: as many as a page of results holds. */
export const MAX_HIDDEN_HITS = 250;

/** Characters (code points) of a text, counted only as far as needed to compare with `limit`. */
export function exceedsCharacters(text: string, limit: number): boolean {
  // Code units ≥ code points: a text of at most `limit` units is within the limit.
  if (text.length <= limit) return false;
  let count = 0;
  for (const _character of text) {
    count += 1;
    if (count > limit) return true;
  }
  return false;
}

/** "at most 5,000 characters", as messages say it. */
export function characters(limit: number): string {
  return `at most ${limit.toLocaleString('en')} characters`;
}
