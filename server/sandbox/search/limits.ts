// The index bounds its own work, whatever it is given: records can come from the seed, an older
// database or a client the HTTP layer did not refuse. With these bounds no single upsert, remove
// or search costs more than a few tens of milliseconds of CPU at 100,000 organizations (issue 11;
// `npm run bench:api` replays the attacks that each took seconds without them).

/**
 * Folded tokens are cut to this many UTF-16 units: a longer one is indexed, queried and
 * highlighted by its first 64 (no real word or e-mail part is longer), so an edit distance or
 * a hash never runs over 15,000 characters.
 */
export const MAX_TOKEN_LENGTH = 64;

/**
 * Only the first 1,000 tokens of an organization's texts (name first, variables last) are
 * searchable, and only the first 65,536 characters of them are read: a record of 115,000 unique
 * words adds at most 1,000 terms to the vocabulary, and highlighting a hit reads at most that.
 */
export const MAX_DOCUMENT_TOKENS = 1_000;
export const MAX_DOCUMENT_CHARS = 65_536;

/** A query's first 16 distinct tokens count, read from its first 4,096 characters. */
export const MAX_QUERY_TOKENS = 16;
export const MAX_QUERY_CHARS = 4_096;

/**
 * Typo candidates (from the deletion index) measured per query token: the rest are not looked
 * at. A real vocabulary yields a few hundred; only a vocabulary made to collide reaches this.
 */
export const MAX_TYPO_CANDIDATES = 2_000;

/**
 * Steps of the walk that finds partial misspelt words (prefix with typos) per query token:
 * each step extends one vocabulary prefix by a character. A real vocabulary needs a few
 * hundred to a few thousand.
 */
export const MAX_FUZZY_PREFIX_STEPS = 20_000;
