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
 * Typo candidates (from the deletion index) looked at per query word, and per query: the rest
 * are not. A word of the 100,000 seeded organizations yields 75 (median) to 2,300; only a
 * vocabulary made to collide reaches these.
 */
export const MAX_TYPO_CANDIDATES_PER_TOKEN = 4_000;
export const MAX_TYPO_CANDIDATES_PER_QUERY = 16_000;

/**
 * Steps of the walk that finds partial misspelt words (prefix with typos) per query, all its
 * words together: each step extends one vocabulary prefix by a character or moves to the next
 * term. A word of the 100,000 seeded organizations takes about 600 to 1,500.
 */
export const MAX_FUZZY_PREFIX_STEPS_PER_QUERY = 10_000;
