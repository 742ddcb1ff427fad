import { FIELD_RANK_COUNT } from './document-fields.ts';
import type { IntListArena } from './int-list-arena.ts';
import { MAX_QUERY_TOKENS } from './limits.ts';
import { MATCH_KIND_COUNT, type TokenTerms } from './query-terms.ts';
import type { Vocabulary } from './vocabulary.ts';

// A token's score for a document: how it matched (exact, prefix, typos) above which field
// held it. Summed over at most MAX_QUERY_TOKENS tokens, the field part (< 16 × 10) never
// carries into the kind part, nor the kind part (< 16 × 6 << 10) into the token count.
const KIND_SHIFT = 10;
const TOKENS_MATCHED_SHIFT = 20;
if (MAX_QUERY_TOKENS * FIELD_RANK_COUNT >= 1 << KIND_SHIFT) throw new Error('field part overflows');
if ((MAX_QUERY_TOKENS * MATCH_KIND_COUNT) << KIND_SHIFT >= 1 << TOKENS_MATCHED_SHIFT) {
  throw new Error('kind part overflows');
}
// Checking a candidate's own term list costs about this many steps; cheaper than walking a
// token's postings once those are longer than the candidates times this.
const TERMS_PER_DOCUMENT_ESTIMATE = 32;

/** Matching slots, as `slots[0..count)`, and how many of the query's tokens they match. */
export interface Matches {
  slots: Int32Array;
  count: number;
  /** The tokens matched are the query's first `used` ones. */
  used: number;
}

/**
 * Finds the documents that match every token (AND) and scores them, reusing scratch arrays
 * across searches: nothing is cleared between searches, stamps tell this search's marks apart.
 */
export class DocumentMatcher {
  private stamp = 0;
  private stampBySlot = new Uint32Array(0);
  private bestBySlot = new Int32Array(0);
  /** Accumulated score per slot; valid for the slots in the last result. */
  scoreBySlot = new Int32Array(0);
  private listA = new Int32Array(0);
  private listB = new Int32Array(0);
  private termStamp = new Uint32Array(0);
  private termKind = new Int8Array(0);

  constructor(
    private readonly vocabulary: Vocabulary,
    /** Per slot: `termId << 4 | fieldRank` for each distinct term of the document. */
    private readonly documentTerms: IntListArena,
  ) {}

  /**
   * The slots matching all `tokens` (in query order) or, when none does, those matching the
   * most tokens from the left (Typesense's `drop_tokens`: tokens are dropped from the right
   * until something matches), with `scoreBySlot` filled in for them. The returned array is
   * scratch: read it before the next call.
   */
  match(tokens: readonly TokenTerms[], slotCapacity: number): Matches {
    this.ensureCapacity(slotCapacity);
    if (tokens.length === 0) return { slots: this.listA, count: 0, used: 0 };
    // The order does not change the result; the rarest token first keeps the candidates few.
    const all = this.intersect(
      [...tokens].sort((a, b) => a.postingCount - b.postingCount),
      false,
    );
    if (all.count > 0 || tokens.length === 1) return all;
    // One pass in query order finds the longest run from the left that matches something
    // (trying all tokens but the last, then all but two, … would cost up to 16 passes).
    return this.intersect(tokens, true);
  }

  /**
   * The slots matching every token, intersecting in the given order. With `keepLastMatch`,
   * the intersection stops before the first token that would leave nothing, and keeps what
   * the tokens before it matched.
   */
  private intersect(ordered: readonly TokenTerms[], keepLastMatch: boolean): Matches {
    let candidates = this.listA;
    let candidateCount = 0;
    let spare = this.listB;
    let previousStamp = 0;
    let used = 0;
    for (let index = 0; index < ordered.length; index++) {
      const token = ordered[index] as TokenTerms;
      const stamp = this.nextStamp();
      let count: number;
      if (index > 0 && candidateCount * TERMS_PER_DOCUMENT_ESTIMATE < token.postingCount) {
        count = this.checkCandidates(token, stamp, candidates, candidateCount, spare);
      } else {
        count = this.walkPostings(token, stamp, index === 0 ? 0 : previousStamp, spare);
      }
      if (count === 0) {
        if (!keepLastMatch) candidateCount = 0;
        break;
      }
      used = index + 1;
      const scores = this.scoreBySlot;
      const best = this.bestBySlot;
      for (let i = 0; i < count; i++) {
        const slot = spare[i] as number;
        scores[slot] = (index === 0 ? 0 : (scores[slot] as number)) + (best[slot] as number);
      }
      [candidates, spare] = [spare, candidates];
      candidateCount = count;
      previousStamp = stamp;
    }
    if (candidateCount === 0) return { slots: candidates, count: 0, used: 0 };
    const scores = this.scoreBySlot;
    const matchedBonus = used << TOKENS_MATCHED_SHIFT;
    for (let i = 0; i < candidateCount; i++) {
      const slot = candidates[i] as number;
      scores[slot] = (scores[slot] as number) + matchedBonus;
    }
    return { slots: candidates, count: candidateCount, used };
  }

  /** Walks the token's postings; with `requiredStamp`, only documents the previous token matched. */
  private walkPostings(
    token: TokenTerms,
    stamp: number,
    requiredStamp: number,
    out: Int32Array,
  ): number {
    const stamps = this.stampBySlot;
    const best = this.bestBySlot;
    let count = 0;
    for (let t = 0; t < token.termIds.length; t++) {
      const termId = token.termIds[t] as number;
      const postings = this.vocabulary.postings.dataOf(termId);
      const end = this.vocabulary.postings.start(termId) + this.vocabulary.postings.length(termId);
      const kindScore = (token.kinds[t] as number) << KIND_SHIFT;
      for (let p = this.vocabulary.postings.start(termId); p < end; p++) {
        const posting = postings[p] as number;
        const slot = posting >> 4;
        const score = kindScore + FIELD_RANK_COUNT - (posting & 15);
        const slotStamp = stamps[slot];
        if (slotStamp === stamp) {
          if (score > (best[slot] as number)) best[slot] = score;
        } else if (requiredStamp === 0 || slotStamp === requiredStamp) {
          stamps[slot] = stamp;
          best[slot] = score;
          out[count++] = slot;
        }
      }
    }
    return count;
  }

  /** Looks the token's terms up in each candidate's own term list. */
  private checkCandidates(
    token: TokenTerms,
    stamp: number,
    candidates: Int32Array,
    candidateCount: number,
    out: Int32Array,
  ): number {
    for (let t = 0; t < token.termIds.length; t++) {
      const termId = token.termIds[t] as number;
      this.termStamp[termId] = stamp;
      this.termKind[termId] = token.kinds[t] as number;
    }
    let count = 0;
    for (let i = 0; i < candidateCount; i++) {
      const slot = candidates[i] as number;
      const terms = this.documentTerms.dataOf(slot);
      const start = this.documentTerms.start(slot);
      const end = start + this.documentTerms.length(slot);
      let bestScore = -1;
      for (let j = start; j < end; j++) {
        const entry = terms[j] as number;
        const termId = entry >> 4;
        if (this.termStamp[termId] !== stamp) continue;
        const score =
          ((this.termKind[termId] as number) << KIND_SHIFT) + FIELD_RANK_COUNT - (entry & 15);
        if (score > bestScore) bestScore = score;
      }
      if (bestScore < 0) continue;
      this.stampBySlot[slot] = stamp;
      this.bestBySlot[slot] = bestScore;
      out[count++] = slot;
    }
    return count;
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      this.stampBySlot.fill(0);
      this.termStamp.fill(0);
    }
    return ++this.stamp;
  }

  private ensureCapacity(slotCapacity: number): void {
    if (this.stampBySlot.length < slotCapacity) {
      const size = Math.max(slotCapacity, this.stampBySlot.length * 2, 1024);
      const stamps = new Uint32Array(size);
      stamps.set(this.stampBySlot);
      this.stampBySlot = stamps;
      this.bestBySlot = new Int32Array(size);
      const scores = new Int32Array(size);
      scores.set(this.scoreBySlot);
      this.scoreBySlot = scores;
      this.listA = new Int32Array(size);
      this.listB = new Int32Array(size);
    }
    const termCount = this.vocabulary.terms.length;
    if (this.termStamp.length < termCount) {
      const size = Math.max(termCount, this.termStamp.length * 2, 1024);
      const termStamps = new Uint32Array(size);
      termStamps.set(this.termStamp);
      this.termStamp = termStamps;
      this.termKind = new Int8Array(size);
    }
  }
}
