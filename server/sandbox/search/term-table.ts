/**
 * Term ids by term text: an open-addressing hash table over typed arrays that can also look up
 * a token straight from the stored text (`findAsciiRange`), lower-casing on the fly, so the
 * index build does not cut a new string for every token it has already seen. Removal shifts
 * the entries after the hole back (linear probing needs no tombstones).
 */
export class TermTable {
  private slotTermIds = new Int32Array(1 << 16).fill(-1);
  private hashByTermId = new Uint32Array(1 << 16);
  private count = 0;

  constructor(private readonly terms: readonly string[]) {}

  /** The id of `term`, or -1. */
  find(term: string): number {
    const hash = hashOf(term, 0, term.length, false);
    const mask = this.slotTermIds.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const termId = this.slotTermIds[slot] as number;
      if (termId < 0) return -1;
      if (this.hashByTermId[termId] === hash && this.terms[termId] === term) return termId;
    }
  }

  /** The id of the lower-cased `text[start, end)` (ASCII only), or -1. */
  findAsciiRange(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end, true);
    const mask = this.slotTermIds.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const termId = this.slotTermIds[slot] as number;
      if (termId < 0) return -1;
      if (
        this.hashByTermId[termId] === hash &&
        equalsLowerRange(this.terms[termId] as string, text, start, end)
      ) {
        return termId;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  /** Files a new term under its id (ids are small: a released id is used again). */
  add(term: string, termId: number): void {
    if ((this.count + 1) * 2 > this.slotTermIds.length) this.grow();
    if (termId >= this.hashByTermId.length) {
      const hashes = new Uint32Array(Math.max(termId + 1, this.hashByTermId.length * 2));
      hashes.set(this.hashByTermId);
      this.hashByTermId = hashes;
    }
    const hash = hashOf(term, 0, term.length, false);
    this.hashByTermId[termId] = hash;
    this.place(termId, hash);
    this.count++;
  }

  /** Unfiles the term with this id (its text must still be `terms[termId]`). */
  remove(termId: number): void {
    const mask = this.slotTermIds.length - 1;
    let hole = (this.hashByTermId[termId] as number) & mask;
    for (;;) {
      const held = this.slotTermIds[hole] as number;
      if (held === termId) break;
      if (held < 0) return;
      hole = (hole + 1) & mask;
    }
    // Each following entry moves into the hole unless the hole lies before its home slot.
    for (let slot = (hole + 1) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slotTermIds[slot] as number;
      if (held < 0) break;
      const home = (this.hashByTermId[held] as number) & mask;
      if (((slot - home) & mask) >= ((slot - hole) & mask)) {
        this.slotTermIds[hole] = held;
        hole = slot;
      }
    }
    this.slotTermIds[hole] = -1;
    this.count--;
  }

  private place(termId: number, hash: number): void {
    const mask = this.slotTermIds.length - 1;
    let slot = hash & mask;
    while ((this.slotTermIds[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.slotTermIds[slot] = termId;
  }

  private grow(): void {
    const old = this.slotTermIds;
    this.slotTermIds = new Int32Array(old.length * 2).fill(-1);
    for (let slot = 0; slot < old.length; slot++) {
      const termId = old[slot] as number;
      if (termId >= 0) this.place(termId, this.hashByTermId[termId] as number);
    }
  }
}

/** FNV-1a over UTF-16 units; `lowerAscii` maps A–Z to a–z first (as the ASCII folding does). */
function hashOf(text: string, start: number, end: number, lowerAscii: boolean): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (lowerAscii && code >= 65 && code <= 90) code += 32;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 0;
}

function equalsLowerRange(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (term.charCodeAt(i) !== code) return false;
  }
  return true;
}
