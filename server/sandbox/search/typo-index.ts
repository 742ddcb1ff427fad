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
/** Deletion strings of a 7-character prefix with up to two deletions: 1 + 7 + 21. */
const MAX_DELETIONS_PER_TERM = 29;
const HAS_LETTER = /\p{L}/u;

// Slot states besides the index of a chain's first entry.
const EMPTY = -1;
/** A slot whose chain ran empty: it keeps its hash (probing passes it) until the next rehash. */
const VACATED = -2;
const INITIAL_SLOTS = 1 << 16;
const INITIAL_ENTRIES = 1 << 16;

/**
 * Symmetric-delete index (SymSpell) of the vocabulary: every term is filed under the strings
 * left after deleting up to two characters of its prefix; a query token's own deletions then
 * meet the terms within two edits without scanning the vocabulary. Deletion strings are kept
 * as 32-bit hashes; a collision only adds a candidate, and every candidate is checked with
 * the real distance by the caller.
 *
 * A term's entries sit in one block (one per distinct deletion hash, in a fixed order), linked
 * both ways into their hash's chain, so removing a term unlinks exactly its entries, whatever
 * the length of the chains; freed blocks are reused, and the arrays are compacted once more
 * than half of them is free, so the index shrinks with the vocabulary.
 */
export class TypoIndex {
  // An open-addressing hash table over typed arrays (a Map of a million number keys costs
  // several times the time and memory): slot → deletion hash and the head of its chain.
  private slotHash = new Uint32Array(INITIAL_SLOTS);
  private slotHead = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  /** Slots not EMPTY (chains and vacated slots): what probing has to pass. */
  private usedSlots = 0;
  private entryTerm = new Int32Array(INITIAL_ENTRIES);
  private entryNext = new Int32Array(INITIAL_ENTRIES);
  private entryPrev = new Int32Array(INITIAL_ENTRIES);
  /** Entries handed out so far (live, or in a freed block). */
  private entryEnd = 0;
  private liveEntries = 0;
  private blockStart = new Int32Array(1024);
  private blockSize = new Uint8Array(1024);
  /** Freed blocks' starts, by block size. */
  private freeBlocks: number[][] = Array.from({ length: MAX_DELETIONS_PER_TERM + 1 }, () => []);
  private readonly hashes = new Uint32Array(MAX_DELETIONS_PER_TERM);

  /** Entries filed for live terms. */
  get entryCount(): number {
    return this.liveEntries;
  }

  /** Entries the arrays have room for (live, freed and spare). */
  get allocatedEntries(): number {
    return this.entryTerm.length;
  }

  /** Files a term; numbers and very short terms are never reached by typos and are skipped. */
  add(term: string, termId: number): void {
    this.ensureTermId(termId);
    this.blockSize[termId] = 0;
    const count = this.deletionHashesOf(term);
    if (count === 0) return;
    const start = this.allocateBlock(count);
    this.blockStart[termId] = start;
    this.blockSize[termId] = count;
    for (let i = 0; i < count; i++) {
      const entry = start + i;
      this.entryTerm[entry] = termId;
      this.link(this.hashes[i] as number, entry);
    }
    this.liveEntries += count;
  }

  /** Unfiles a term; `term` must be the text it was added with. */
  remove(term: string, termId: number): void {
    if (termId >= this.blockSize.length) return;
    const count = this.blockSize[termId] as number;
    if (count === 0) return;
    this.deletionHashesOf(term);
    const start = this.blockStart[termId] as number;
    for (let i = 0; i < count; i++) this.unlink(this.hashes[i] as number, start + i);
    this.blockSize[termId] = 0;
    (this.freeBlocks[count] as number[]).push(start);
    this.liveEntries -= count;
    if (this.entryEnd > INITIAL_ENTRIES && this.liveEntries * 2 < this.entryEnd) this.compact();
  }

  /**
   * Calls `visit` with every term id that may lie within `maxDistance` edits of `token` (a
   * superset: the caller checks the distance); the terms one deletion away come before those
   * two away. A term may be visited more than once. `visit` returns false to stop.
   */
  candidates(token: string, maxDistance: number, visit: (termId: number) => boolean): void {
    if (maxDistance <= 0) return;
    const count = forEachDeletionHash(token, maxDistance, this.hashes);
    for (let i = 0; i < count; i++) {
      const head = this.slotHead[this.findSlot(this.hashes[i] as number)] as number;
      for (let entry = head; entry >= 0; entry = this.entryNext[entry] as number) {
        if (!visit(this.entryTerm[entry] as number)) return;
      }
    }
  }

  /** The term's distinct deletion hashes into `hashes`, in a fixed order; returns how many. */
  private deletionHashesOf(term: string): number {
    if (term.length < SHORTEST_TYPO_TERM || !HAS_LETTER.test(term)) return 0;
    const maxDeletions = term.length >= SHORTEST_TWO_TYPO_TERM ? 2 : 1;
    const all = forEachDeletionHash(term, maxDeletions, this.hashes);
    // The same term can give one deletion string twice ("aab" minus either "a"): keep the first.
    let distinct = 0;
    for (let i = 0; i < all; i++) {
      const hash = this.hashes[i] as number;
      let seen = false;
      for (let j = 0; j < distinct && !seen; j++) seen = this.hashes[j] === hash;
      if (!seen) this.hashes[distinct++] = hash;
    }
    return distinct;
  }

  private link(hash: number, entry: number): void {
    let slot = this.findSlot(hash);
    let head = this.slotHead[slot] as number;
    if (head === EMPTY) {
      if ((this.usedSlots + 1) * 2 > this.slotHash.length) {
        this.rehash(this.slotHash.length * 2);
        slot = this.findSlot(hash);
      }
      this.usedSlots++;
      this.slotHash[slot] = hash;
    }
    head = Math.max(-1, this.slotHead[slot] as number);
    this.entryNext[entry] = head;
    this.entryPrev[entry] = -1;
    if (head >= 0) this.entryPrev[head] = entry;
    this.slotHead[slot] = entry;
  }

  private unlink(hash: number, entry: number): void {
    const previous = this.entryPrev[entry] as number;
    const next = this.entryNext[entry] as number;
    if (previous >= 0) this.entryNext[previous] = next;
    else this.slotHead[this.findSlot(hash)] = next >= 0 ? next : VACATED;
    if (next >= 0) this.entryPrev[next] = previous;
  }

  /** The slot holding `hash` (with a chain or vacated), or the empty slot where it would go. */
  private findSlot(hash: number): number {
    const mask = this.slotHash.length - 1;
    let slot = hash & mask;
    while (this.slotHead[slot] !== EMPTY && this.slotHash[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  /** Rebuilds the slot table with `size` slots, leaving vacated slots out. */
  private rehash(size: number): void {
    const oldHash = this.slotHash;
    const oldHead = this.slotHead;
    this.slotHash = new Uint32Array(size);
    this.slotHead = new Int32Array(size).fill(EMPTY);
    this.usedSlots = 0;
    for (let old = 0; old < oldHash.length; old++) {
      if ((oldHead[old] as number) < 0) continue;
      const slot = this.findSlot(oldHash[old] as number);
      this.slotHash[slot] = oldHash[old] as number;
      this.slotHead[slot] = oldHead[old] as number;
      this.usedSlots++;
    }
  }

  private allocateBlock(count: number): number {
    const reused = (this.freeBlocks[count] as number[]).pop();
    if (reused !== undefined) return reused;
    if (this.entryEnd + count > this.entryTerm.length) {
      this.resizeEntries(Math.max(this.entryTerm.length * 2, this.entryEnd + count));
    }
    const start = this.entryEnd;
    this.entryEnd += count;
    return start;
  }

  private resizeEntries(size: number): void {
    const resized = (array: Int32Array): Int32Array<ArrayBuffer> => {
      const copy = new Int32Array(size);
      copy.set(array.subarray(0, Math.min(array.length, size)));
      return copy;
    };
    this.entryTerm = resized(this.entryTerm);
    this.entryNext = resized(this.entryNext);
    this.entryPrev = resized(this.entryPrev);
  }

  /**
   * Moves the live blocks together (in term id order), shrinks the arrays to their content
   * with room to grow, and rebuilds the slot table without its vacated slots.
   */
  private compact(): void {
    const newIndex = new Int32Array(this.entryEnd).fill(-1);
    let end = 0;
    for (let termId = 0; termId < this.blockSize.length; termId++) {
      const count = this.blockSize[termId] as number;
      if (count === 0) continue;
      const start = this.blockStart[termId] as number;
      for (let i = 0; i < count; i++) newIndex[start + i] = end + i;
      this.blockStart[termId] = end;
      end += count;
    }
    const size = Math.max(INITIAL_ENTRIES, end + (end >> 1));
    const term = new Int32Array(size);
    const next = new Int32Array(size);
    const previous = new Int32Array(size);
    const moved = (entry: number): number => (entry < 0 ? entry : (newIndex[entry] as number));
    for (let old = 0; old < this.entryEnd; old++) {
      const entry = newIndex[old] as number;
      if (entry < 0) continue;
      term[entry] = this.entryTerm[old] as number;
      next[entry] = moved(this.entryNext[old] as number);
      previous[entry] = moved(this.entryPrev[old] as number);
    }
    this.entryTerm = term;
    this.entryNext = next;
    this.entryPrev = previous;
    this.entryEnd = end;
    this.freeBlocks = this.freeBlocks.map(() => []);
    for (let slot = 0; slot < this.slotHead.length; slot++) {
      this.slotHead[slot] = moved(this.slotHead[slot] as number);
    }
    let liveSlots = 0;
    for (let slot = 0; slot < this.slotHead.length; slot++) {
      if ((this.slotHead[slot] as number) >= 0) liveSlots++;
    }
    let slots = INITIAL_SLOTS;
    while (slots < liveSlots * 3) slots *= 2;
    this.rehash(slots);
  }

  private ensureTermId(termId: number): void {
    if (termId < this.blockSize.length) return;
    const size = Math.max(termId + 1, this.blockSize.length * 2);
    const starts = new Int32Array(size);
    starts.set(this.blockStart);
    this.blockStart = starts;
    const sizes = new Uint8Array(size);
    sizes.set(this.blockSize);
    this.blockSize = sizes;
  }
}

/**
 * Hashes (FNV-1a) of the term's prefix with 0, then 1, then 2 characters left out (up to
 * `maxDeletions`), into `out`; returns how many (repeats included).
 */
function forEachDeletionHash(term: string, maxDeletions: number, out: Uint32Array): number {
  const length = Math.min(term.length, PREFIX_LENGTH);
  let count = 0;
  out[count++] = hashSkipping(term, length, -1, -1);
  for (let first = 0; first < length; first++) out[count++] = hashSkipping(term, length, first, -1);
  if (maxDeletions < 2) return count;
  for (let first = 0; first < length; first++) {
    for (let second = first + 1; second < length; second++) {
      out[count++] = hashSkipping(term, length, first, second);
    }
  }
  return count;
}

function hashSkipping(text: string, length: number, skipA: number, skipB: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
