/** Typo allowance of a query token (folded, in characters): none below 4, one from 4, two from 8. */
export function allowedTypos(tokenLength: number): number {
  if (tokenLength >= 8) return 2;
  if (tokenLength >= 4) return 1;
  return 0;
}

/** Shortest term a query token can reach with a typo: a 4-letter token minus one letter. */
const SHORTEST_TYPO_TERM = 3;
/** Shortest term a two-typo match can reach: an 8-letter token minus two letters. */
const SHORTEST_TWO_TYPO_TERM = 6;
// SymSpell's prefix trick: deletions are taken from the first few characters only, which keeps
// the neighbourhood of long words small; candidates are then checked on the whole word.
const PREFIX_LENGTH = 7;
const HAS_LETTER = /\p{L}/u;

/**
 * Symmetric-delete index (SymSpell) of the vocabulary: every term is filed under the strings
 * left after deleting up to two characters of its prefix; a query token's own deletions then
 * meet the terms within two edits without scanning the vocabulary. Deletion strings are kept
 * as 32-bit hashes; a collision only adds a candidate, and every candidate is checked with
 * the real distance by the caller.
 */
export class TypoIndex {
  // An open-addressing hash table over typed arrays (a Map of a million number keys costs
  // several times the time and memory): slot → deletion hash and the head of its chain of
  // term entries; entries are linked through `entryNext`.
  private slotHash = new Uint32Array(1 << 16);
  private slotHead = new Int32Array(1 << 16).fill(-1);
  private usedSlots = 0;
  private entryTerm = new Int32Array(1 << 16);
  private entryNext = new Int32Array(1 << 16);
  private entryCount = 0;

  /** Files a term; numbers and very short terms are never reached by typos and are skipped. */
  add(term: string, termId: number): void {
    if (term.length < SHORTEST_TYPO_TERM || !HAS_LETTER.test(term)) return;
    const maxDeletions = term.length >= SHORTEST_TWO_TYPO_TERM ? 2 : 1;
    forEachDeletionHash(term, maxDeletions, (hash) => this.file(hash, termId));
  }

  /**
   * Calls `visit` with every term id that may lie within `maxDistance` edits of `token`
   * (a superset: the caller checks the distance). A term may be visited more than once.
   */
  candidates(token: string, maxDistance: number, visit: (termId: number) => void): void {
    if (maxDistance <= 0) return;
    forEachDeletionHash(token, maxDistance, (hash) => {
      const slot = this.findSlot(hash);
      for (
        let entry = this.slotHead[slot] as number;
        entry >= 0;
        entry = this.entryNext[entry] as number
      ) {
        visit(this.entryTerm[entry] as number);
      }
    });
  }

  private file(hash: number, termId: number): void {
    let slot = this.findSlot(hash);
    const head = this.slotHead[slot] as number;
    // The same term can produce one deletion string twice ("aab" minus either "a").
    if (head >= 0 && this.entryTerm[head] === termId) return;
    if (head < 0) {
      if ((this.usedSlots + 1) * 2 > this.slotHash.length) {
        this.growTable();
        slot = this.findSlot(hash);
      }
      this.usedSlots++;
      this.slotHash[slot] = hash;
    }
    if (this.entryCount === this.entryTerm.length) this.growEntries();
    const entry = this.entryCount++;
    this.entryTerm[entry] = termId;
    this.entryNext[entry] = this.slotHead[slot] as number;
    this.slotHead[slot] = entry;
  }

  /** The slot holding `hash`, or the empty slot where it would go (linear probing). */
  private findSlot(hash: number): number {
    const mask = this.slotHash.length - 1;
    let slot = hash & mask;
    while (this.slotHead[slot] !== -1 && this.slotHash[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const oldHash = this.slotHash;
    const oldHead = this.slotHead;
    this.slotHash = new Uint32Array(oldHash.length * 2);
    this.slotHead = new Int32Array(oldHash.length * 2).fill(-1);
    for (let old = 0; old < oldHash.length; old++) {
      if (oldHead[old] === -1) continue;
      const slot = this.findSlot(oldHash[old] as number);
      this.slotHash[slot] = oldHash[old] as number;
      this.slotHead[slot] = oldHead[old] as number;
    }
  }

  private growEntries(): void {
    const terms = new Int32Array(this.entryTerm.length * 2);
    terms.set(this.entryTerm);
    this.entryTerm = terms;
    const next = new Int32Array(this.entryNext.length * 2);
    next.set(this.entryNext);
    this.entryNext = next;
  }
}

/** Hashes of the term's prefix with 0..maxDeletions characters left out (FNV-1a). */
function forEachDeletionHash(
  term: string,
  maxDeletions: number,
  visit: (hash: number) => void,
): void {
  const length = Math.min(term.length, PREFIX_LENGTH);
  visit(hashSkipping(term, length, -1, -1));
  for (let first = 0; first < length; first++) {
    visit(hashSkipping(term, length, first, -1));
    if (maxDeletions < 2) continue;
    for (let second = first + 1; second < length; second++) {
      visit(hashSkipping(term, length, first, second));
    }
  }
}

function hashSkipping(text: string, length: number, skipA: number, skipB: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
