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
/** A slot whose chain ran empty: it keeps its hash (probing passes it) until its shard's rehash. */
const VACATED = -2;
/** The slot table is 64 tables chosen by a hash's top 6 bits: a rehash redoes one of them. */
const SHARD_SHIFT = 26;
const SHARDS = 1 << (32 - SHARD_SHIFT);
const INITIAL_SHARD_SLOTS = 1 << 10;
/** Entries are kept in pages of 32,768: growing allocates one page, never copies the others. */
const PAGE_BITS = 15;
const PAGE_ENTRIES = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ENTRIES - 1;

/** One of the slot table's shards: slot → deletion hash and the head of its chain. */
interface Shard {
  hash: Uint32Array;
  head: Int32Array;
  /** Slots not EMPTY (chains and vacated slots): what probing has to pass. */
  used: number;
}

/** One page of entries: each entry's term and its neighbours in its hash's chain. */
interface Page {
  term: Int32Array;
  next: Int32Array;
  previous: Int32Array;
  /** Entries of live terms in this page. */
  live: number;
}

/**
 * Symmetric-delete index (SymSpell) of the vocabulary: every term is filed under the strings
 * left after deleting up to two characters of its prefix; a query token's own deletions then
 * meet the terms within two edits without scanning the vocabulary. Deletion strings are kept
 * as 32-bit hashes; a collision only adds a candidate, and every candidate is checked with
 * the real distance by the caller.
 *
 * A term's entries sit in one block (one per distinct deletion hash, in a fixed order, within
 * one page), linked both ways into their hash's chain, so removing a term unlinks exactly its
 * entries, whatever the length of the chains. Freed blocks are reused; a page whose entries are
 * all freed is dropped, so the index shrinks with the vocabulary. Nothing is ever resized or
 * rebuilt as a whole (an open-addressing table over typed arrays, sharded, and entries in pages):
 * no add or remove does more than one shard's rehash or one page's allocation, where doubling
 * arrays of a million entries made one write of a large record take tens of milliseconds.
 */
export class TypoIndex {
  // Typed arrays rather than a Map of a million number keys, which costs several times the
  // time and memory.
  private readonly shards: Shard[] = Array.from({ length: SHARDS }, () =>
    newShard(INITIAL_SHARD_SLOTS),
  );
  private readonly pages: (Page | undefined)[] = [];
  /** Where new blocks are cut: this page, from this entry on. */
  private bumpPage = -1;
  private bumpOffset = PAGE_ENTRIES;
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

  /** Entries the pages have room for (live, freed and spare). */
  get allocatedEntries(): number {
    let pages = 0;
    for (const page of this.pages) if (page) pages++;
    return pages * PAGE_ENTRIES;
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
    const page = this.pages[start >>> PAGE_BITS] as Page;
    for (let i = 0; i < count; i++) {
      const entry = start + i;
      page.term[entry & PAGE_MASK] = termId;
      this.link(this.hashes[i] as number, entry);
    }
    page.live += count;
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
    this.liveEntries -= count;
    const pageNumber = start >>> PAGE_BITS;
    const page = this.pages[pageNumber] as Page;
    page.live -= count;
    if (page.live === 0 && pageNumber !== this.bumpPage) this.dropPage(pageNumber);
    else (this.freeBlocks[count] as number[]).push(start);
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
      const hash = this.hashes[i] as number;
      const shard = this.shards[hash >>> SHARD_SHIFT] as Shard;
      let entry = shard.head[findSlot(shard, hash)] as number;
      while (entry >= 0) {
        const page = this.pages[entry >>> PAGE_BITS] as Page;
        if (!visit(page.term[entry & PAGE_MASK] as number)) return;
        entry = page.next[entry & PAGE_MASK] as number;
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
    const shard = this.shards[hash >>> SHARD_SHIFT] as Shard;
    const slot = findSlot(shard, hash);
    if (shard.head[slot] === EMPTY) {
      if ((shard.used + 1) * 2 > shard.hash.length) {
        this.rehash(hash >>> SHARD_SHIFT);
        return this.link(hash, entry);
      }
      shard.used++;
      shard.hash[slot] = hash;
    }
    const head = Math.max(-1, shard.head[slot] as number);
    const page = this.pages[entry >>> PAGE_BITS] as Page;
    page.next[entry & PAGE_MASK] = head;
    page.previous[entry & PAGE_MASK] = -1;
    if (head >= 0) (this.pages[head >>> PAGE_BITS] as Page).previous[head & PAGE_MASK] = entry;
    shard.head[slot] = entry;
  }

  private unlink(hash: number, entry: number): void {
    const page = this.pages[entry >>> PAGE_BITS] as Page;
    const previous = page.previous[entry & PAGE_MASK] as number;
    const next = page.next[entry & PAGE_MASK] as number;
    if (previous >= 0)
      (this.pages[previous >>> PAGE_BITS] as Page).next[previous & PAGE_MASK] = next;
    else {
      const shard = this.shards[hash >>> SHARD_SHIFT] as Shard;
      shard.head[findSlot(shard, hash)] = next >= 0 ? next : VACATED;
    }
    if (next >= 0) (this.pages[next >>> PAGE_BITS] as Page).previous[next & PAGE_MASK] = previous;
  }

  /**
   * Rebuilds one shard without its vacated slots, sized for its live chains at most a third
   * full (so it grows with the vocabulary, and shrinks with it too).
   */
  private rehash(shardNumber: number): void {
    const old = this.shards[shardNumber] as Shard;
    let live = 0;
    for (let slot = 0; slot < old.head.length; slot++) if ((old.head[slot] as number) >= 0) live++;
    let size = INITIAL_SHARD_SLOTS;
    while (size < (live + 1) * 3) size *= 2;
    const shard = newShard(size);
    for (let slot = 0; slot < old.head.length; slot++) {
      if ((old.head[slot] as number) < 0) continue;
      const hash = old.hash[slot] as number;
      const at = findSlot(shard, hash);
      shard.hash[at] = hash;
      shard.head[at] = old.head[slot] as number;
      shard.used++;
    }
    this.shards[shardNumber] = shard;
  }

  private allocateBlock(count: number): number {
    const reused = (this.freeBlocks[count] as number[]).pop();
    if (reused !== undefined) return reused;
    if (this.bumpOffset + count > PAGE_ENTRIES) {
      // The rest of the bump page is left unused (less than a block); the next page is an empty
      // one, dropped earlier or new.
      let pageNumber = this.pages.indexOf(undefined);
      if (pageNumber < 0) pageNumber = this.pages.length;
      this.pages[pageNumber] = {
        term: new Int32Array(PAGE_ENTRIES),
        next: new Int32Array(PAGE_ENTRIES),
        previous: new Int32Array(PAGE_ENTRIES),
        live: 0,
      };
      const previousBump = this.bumpPage;
      this.bumpPage = pageNumber;
      this.bumpOffset = 0;
      if (previousBump >= 0 && (this.pages[previousBump] as Page).live === 0)
        this.dropPage(previousBump);
    }
    const start = (this.bumpPage << PAGE_BITS) + this.bumpOffset;
    this.bumpOffset += count;
    return start;
  }

  /** Frees a page none of whose entries is live; its freed blocks are no longer offered. */
  private dropPage(pageNumber: number): void {
    this.pages[pageNumber] = undefined;
    this.freeBlocks = this.freeBlocks.map((starts) =>
      starts.filter((start) => start >>> PAGE_BITS !== pageNumber),
    );
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

function newShard(size: number): Shard {
  return { hash: new Uint32Array(size), head: new Int32Array(size).fill(EMPTY), used: 0 };
}

/** The slot holding `hash` (with a chain or vacated), or the empty slot where it would go. */
function findSlot(shard: Shard, hash: number): number {
  const mask = shard.hash.length - 1;
  let slot = hash & mask;
  while (shard.head[slot] !== EMPTY && shard.hash[slot] !== hash) slot = (slot + 1) & mask;
  return slot;
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
