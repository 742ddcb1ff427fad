import { editDistanceWithin } from './edit-distance.ts';
import { allowedTypos } from './typo-index.ts';
import type { Vocabulary } from './vocabulary.ts';

/** How a term matched a query token; higher is better. */
export const MatchKind = { twoTypos: 0, oneTypo: 1, prefix: 2, exact: 3 } as const;

/** The vocabulary terms one query token stands for, each with how it matched. */
export interface TokenTerms {
  token: string;
  termIds: number[];
  /** `MatchKind` per entry of `termIds`. */
  kinds: number[];
  /** Sum of the terms' posting lengths: what walking them costs. */
  postingCount: number;
}

// Earlier tokens of one or two characters (initials, "a", "de") match whole terms only: as
// prefixes they would stand for thousands of terms and match most of the index.
const SHORTEST_EARLIER_PREFIX = 3;

/** Whether a query token is matched as a prefix: the last always (search as you type), earlier ones from 3 characters. */
export function isPrefixToken(token: string, isLast: boolean): boolean {
  return isLast || token.length >= SHORTEST_EARLIER_PREFIX;
}

/**
 * Expands a folded query token into the terms it matches: the term itself, with `asPrefix`
 * every term it is a prefix of, and the terms within its typo allowance (see `allowedTypos`).
 * Each term appears once, with its best kind of match.
 */
export function expandToken(vocabulary: Vocabulary, token: string, asPrefix: boolean): TokenTerms {
  const kindByTerm = new Map<number, number>();
  if (asPrefix) {
    vocabulary.forEachWithPrefix(token, (termId) => {
      const kind = vocabulary.terms[termId] === token ? MatchKind.exact : MatchKind.prefix;
      kindByTerm.set(termId, kind);
    });
  } else {
    const termId = vocabulary.idOf(token);
    if (termId !== undefined) kindByTerm.set(termId, MatchKind.exact);
  }
  const maxTypos = allowedTypos(token.length);
  if (maxTypos > 0) {
    vocabulary.typos.candidates(token, maxTypos, (termId) => {
      if (kindByTerm.has(termId)) return;
      const distance = editDistanceWithin(token, vocabulary.terms[termId] as string, maxTypos);
      // A miss is remembered too (as -1) so a term seen twice is measured once.
      const kind =
        distance > maxTypos ? -1 : distance === 1 ? MatchKind.oneTypo : MatchKind.twoTypos;
      kindByTerm.set(termId, kind);
    });
  }
  const expansion: TokenTerms = { token, termIds: [], kinds: [], postingCount: 0 };
  for (const [termId, kind] of kindByTerm) {
    const postingCount = vocabulary.postings.length(termId);
    if (kind < 0 || postingCount === 0) continue;
    expansion.termIds.push(termId);
    expansion.kinds.push(kind);
    expansion.postingCount += postingCount;
  }
  return expansion;
}
