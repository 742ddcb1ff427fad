import { IntListArena } from './int-list-arena.ts';
import { SortedTerms } from './sorted-terms.ts';
import { TermTable } from './term-table.ts';
import { TypoIndex } from './typo-index.ts';

/**
 * Every folded term of the indexed organizations, with its postings and two ways in besides
 * the exact term: a sorted list for prefixes and a typo index. A posting is
 * `slot << 4 | fieldRank`: the document's slot and the best (lowest) rank of the fields that
 * hold the term. A term lives while some document holds it: the index releases it once its
 * postings run empty (its posting count is its reference count), and its id is used again.
 */
export class Vocabulary {
  /** Term texts by id; '' for an id released and not yet used again. */
  readonly terms: string[] = [];
  /**
   * Postings by term id, each list in ascending order (by slot): the build fills them in slot
   * order, writes insert and remove by binary search.
   */
  readonly postings = new IntListArena();
  readonly typos = new TypoIndex();
  readonly sorted = new SortedTerms(this.terms);
  private readonly idsByTerm = new TermTable(this.terms);
  private readonly freeIds: number[] = [];
  /** While the index is built: the sorted list is made once at the end. */
  private bulk = false;
  /**
   * Terms added by a write and not yet filed in the typo index (`fileTypos` does it later, in
   * slices): until then `typoCandidates` offers them to every typo lookup. The flag says a term
   * id is still waiting (an id released and used again may sit in the list twice).
   */
  private typoQueue: number[] = [];
  private typoWaiting = new Uint8Array(1024);

  /** Live terms. */
  get size(): number {
    return this.idsByTerm.size;
  }

  idOf(term: string): number | undefined {
    const termId = this.idsByTerm.find(term);
    return termId < 0 ? undefined : termId;
  }

  /** The id of a (folded) term, added when new. */
  intern(term: string): number {
    const known = this.idsByTerm.find(term);
    return known >= 0 ? known : this.add(term);
  }

  /** `intern` for the lower-cased ASCII token `text[start, end)`, cutting a string only when new. */
  internAsciiRange(text: string, start: number, end: number): number {
    const known = this.idsByTerm.findAsciiRange(text, start, end);
    return known >= 0 ? known : this.add(text.slice(start, end).toLowerCase());
  }

  private add(term: string): number {
    const termId = this.freeIds.pop() ?? this.terms.length;
    this.terms[termId] = term;
    this.idsByTerm.add(term, termId);
    if (this.bulk) this.typos.add(term, termId);
    else {
      this.sorted.insert(termId);
      if (termId >= this.typoWaiting.length) {
        const grown = new Uint8Array(Math.max(termId + 1, this.typoWaiting.length * 2));
        grown.set(this.typoWaiting);
        this.typoWaiting = grown;
      }
      this.typoWaiting[termId] = 1;
      this.typoQueue.push(termId);
    }
    return termId;
  }

  /** Terms a write added that the typo index has not filed yet. */
  get typosWaiting(): number {
    return this.typoQueue.length;
  }

  /**
   * Files waiting terms in the typo index until `deadline` (performance.now() time, read every
   * 16 terms); returns whether any still wait.
   */
  fileTypos(deadline: number): boolean {
    const queue = this.typoQueue;
    let done = 0;
    while (done < queue.length) {
      const termId = queue[done++] as number;
      if (this.typoWaiting[termId] === 1) {
        this.typoWaiting[termId] = 0;
        this.typos.add(this.terms[termId] as string, termId);
      }
      if ((done & 15) === 0 && performance.now() >= deadline) break;
    }
    this.typoQueue = done === queue.length ? [] : queue.slice(done);
    return this.typoQueue.length > 0;
  }

  /**
   * `TypoIndex.candidates`, then every term still waiting to be filed there (a superset, as
   * there: the caller measures the distance). `visit` returns false to stop.
   */
  typoCandidates(token: string, maxDistance: number, visit: (termId: number) => boolean): void {
    let stopped = false;
    this.typos.candidates(token, maxDistance, (termId) => {
      stopped = !visit(termId);
      return !stopped;
    });
    if (stopped || maxDistance <= 0) return;
    for (const termId of this.typoQueue) {
      if (this.typoWaiting[termId] === 1 && !visit(termId)) return;
    }
  }

  /** Forgets a term no document holds any more (its postings are empty): its memory is freed. */
  release(termId: number): void {
    const term = this.terms[termId];
    if (term === undefined || term === '' || this.bulk) return;
    this.sorted.remove(termId);
    if (this.typoWaiting[termId] === 1) this.typoWaiting[termId] = 0;
    else this.typos.remove(term, termId);
    this.idsByTerm.remove(termId);
    this.postings.release(termId);
    this.terms[termId] = '';
    this.freeIds.push(termId);
  }

  /** Defers keeping the prefix list sorted until `endBulk` (one sort instead of many inserts). */
  beginBulk(): void {
    this.bulk = true;
  }

  endBulk(): void {
    const live: number[] = [];
    for (let termId = 0; termId < this.terms.length; termId++) {
      if (this.terms[termId] !== '') live.push(termId);
    }
    this.sorted.rebuild(live, (term) => this.idsByTerm.find(term));
    this.bulk = false;
  }

  /** Calls `visit` with the id of every term that starts with `prefix` (the term itself too). */
  forEachWithPrefix(prefix: string, visit: (termId: number) => void): void {
    this.sorted.forEachWithPrefix(prefix, visit);
  }
}
