import { editDistanceWithin } from './edit-distance.ts';
import { forEachFuzzyPrefixMatch } from './fuzzy-prefix.ts';
import {
  MAX_FUZZY_PREFIX_STEPS_PER_QUERY,
  MAX_TYPO_CANDIDATES_PER_QUERY,
  MAX_TYPO_CANDIDATES_PER_TOKEN,
} from './limits.ts';
import { allowedTypos } from './typo-index.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * How a term matched a query token; higher is better: the whole word, the start of a word,
 * a misspelt word, then the start of a word misspelt ("nortw" → Northwind), first where the
 * token's last letter is kept (NORTHW-ind), then where it is not (NORTH-ern).
 */
export const MatchKind = {
  prefixTwoTyposLastLetterOff: 0,
  prefixTwoTypos: 1,
  prefixOneTypoLastLetterOff: 2,
  prefixOneTypo: 3,
  twoTypos: 4,
  oneTypo: 5,
  prefix: 6,
  exact: 7,
} as const;
/** Kinds take the bits below this in a token's score. */
export const MATCH_KIND_COUNT = 8;
const MISSED = -1;

/** The vocabulary terms one query token stands for, each with how it matched. */
export interface TokenTerms {
  token: string;
  termIds: number[];
  /** `MatchKind` per entry of `termIds`. */
  kinds: number[];
  /** Sum of the terms' posting lengths: what walking them costs. */
  postingCount: number;
}

function fuzzyPrefixKind(distance: number, lastLetterKept: boolean): number {
  if (distance === 1) {
    return lastLetterKept ? MatchKind.prefixOneTypo : MatchKind.prefixOneTypoLastLetterOff;
  }
  return lastLetterKept ? MatchKind.prefixTwoTypos : MatchKind.prefixTwoTyposLastLetterOff;
}

// Earlier tokens of one or two characters (initials, "a", "de") match whole terms only: as
// prefixes they would stand for thousands of terms and match most of the index.
const SHORTEST_EARLIER_PREFIX = 3;

/** Whether a query token is matched as a prefix: the last always (search as you type), earlier ones from 3 characters. */
export function isPrefixToken(token: string, isLast: boolean): boolean {
  return isLast || token.length >= SHORTEST_EARLIER_PREFIX;
}

/**
 * Expands folded query tokens into the terms they match, reusing scratch arrays sized to the
 * vocabulary (a stamp per term id tells this expansion's terms apart, nothing is cleared).
 */
export class TokenExpander {
  private stamp = 0;
  private stampByTerm = new Uint32Array(0);
  private kindByTerm = new Int8Array(0);
  private readonly found: number[] = [];
  private typoCandidatesLeft = 0;
  private fuzzyStepsLeft = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Starts a query: its words share one budget of typo work. */
  beginQuery(): void {
    this.typoCandidatesLeft = MAX_TYPO_CANDIDATES_PER_QUERY;
    this.fuzzyStepsLeft = MAX_FUZZY_PREFIX_STEPS_PER_QUERY;
  }

  /**
   * The terms `token` stands for: the term itself; with `asPrefix` every term it starts; the
   * terms within its typo allowance (see `allowedTypos`); and, with `asPrefix`, when no term is
   * or starts with the token as typed (it is misspelt: "nortw", "seatl"), every term that
   * starts with a misspelling of it within the same allowance. Each term appears once, with its
   * best kind of match. The typo work is bounded per token and per query (limits.ts).
   */
  expand(token: string, asPrefix: boolean): TokenTerms {
    const vocabulary = this.vocabulary;
    const terms = vocabulary.terms;
    this.ensureCapacity(terms.length);
    const stamp = this.nextStamp();
    this.found.length = 0;
    if (asPrefix) {
      vocabulary.forEachWithPrefix(token, (termId) => {
        this.consider(termId, terms[termId] === token ? MatchKind.exact : MatchKind.prefix);
      });
    } else {
      const termId = vocabulary.idOf(token);
      if (termId !== undefined) this.consider(termId, MatchKind.exact);
    }
    const matchedAsTyped = this.found.length > 0;
    const maxTypos = allowedTypos(token.length);
    if (maxTypos > 0) {
      let looked = 0;
      vocabulary.typoCandidates(token, maxTypos, (termId) => {
        if (++looked > MAX_TYPO_CANDIDATES_PER_TOKEN || this.typoCandidatesLeft <= 0) return false;
        this.typoCandidatesLeft--;
        // Seen already: as a prefix, or measured through another deletion.
        if (this.stampByTerm[termId] === stamp) return true;
        const distance = editDistanceWithin(token, terms[termId] as string, maxTypos);
        const kind =
          distance > maxTypos ? MISSED : distance === 1 ? MatchKind.oneTypo : MatchKind.twoTypos;
        this.consider(termId, kind);
        return true;
      });
      if (asPrefix && !matchedAsTyped && this.fuzzyStepsLeft > 0) {
        this.fuzzyStepsLeft -= forEachFuzzyPrefixMatch(
          vocabulary.sorted,
          terms,
          token,
          maxTypos,
          this.fuzzyStepsLeft,
          (termId, distance, lastLetterKept) => {
            this.consider(termId, fuzzyPrefixKind(distance, lastLetterKept));
          },
        );
      }
    }
    const expansion: TokenTerms = { token, termIds: [], kinds: [], postingCount: 0 };
    for (const termId of this.found) {
      const kind = this.kindByTerm[termId] as number;
      const postingCount = vocabulary.postings.length(termId);
      if (kind === MISSED || postingCount === 0) continue;
      expansion.termIds.push(termId);
      expansion.kinds.push(kind);
      expansion.postingCount += postingCount;
    }
    return expansion;
  }

  /** Notes a term with how it matched, keeping the best kind when it is seen again. */
  private consider(termId: number, kind: number): void {
    if (this.stampByTerm[termId] !== this.stamp) {
      this.stampByTerm[termId] = this.stamp;
      this.kindByTerm[termId] = kind;
      this.found.push(termId);
    } else if (kind > (this.kindByTerm[termId] as number)) {
      this.kindByTerm[termId] = kind;
    }
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      this.stampByTerm.fill(0);
    }
    return ++this.stamp;
  }

  private ensureCapacity(termCount: number): void {
    if (this.stampByTerm.length >= termCount) return;
    const size = Math.max(termCount * 2, 1024);
    const stamps = new Uint32Array(size);
    stamps.set(this.stampByTerm);
    this.stampByTerm = stamps;
    this.kindByTerm = new Int8Array(size);
  }
}
