import { IntListArena } from './int-list-arena.ts';
import { TermTable } from './term-table.ts';
import { TypoIndex } from './typo-index.ts';

/**
 * Every folded term seen, with its postings and two ways in besides the exact term: a sorted
 * list for prefixes (binary search, then a walk while the prefix holds) and a typo index.
 * A posting is `slot << 4 | fieldRank`: the document's slot and the best (lowest) rank of the
 * fields that hold the term. Terms whose postings run empty stay (they cost a lookup, nothing
 * more) so term ids never change.
 */
export class Vocabulary {
  readonly terms: string[] = [];
  /**
   * Postings by term id, each list in ascending order (by slot): the build fills them in slot
   * order, writes insert and remove by binary search.
   */
  readonly postings = new IntListArena();
  readonly typos = new TypoIndex();
  private readonly idsByTerm = new TermTable(this.terms);
  /** Term ids in the order of their terms (UTF-16 code units); stale while `bulk`. */
  private sortedIds: number[] = [];
  private bulk = false;

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
    const termId = this.terms.length;
    this.terms.push(term);
    this.idsByTerm.add(term, termId);
    this.typos.add(term, termId);
    if (this.bulk) this.sortedIds.push(termId);
    else this.sortedIds.splice(this.lowerBound(term), 0, termId);
    return termId;
  }

  /** Defers keeping the prefix list sorted until `endBulk` (one sort instead of many inserts). */
  beginBulk(): void {
    this.bulk = true;
  }

  endBulk(): void {
    // The default sort compares strings by UTF-16 code units, as `lowerBound` does, and runs
    // without a JavaScript comparator call per comparison.
    this.sortedIds = [...this.terms].sort().map((term) => this.idsByTerm.find(term));
    this.bulk = false;
  }

  /** Calls `visit` with the id of every term that starts with `prefix` (the term itself too). */
  forEachWithPrefix(prefix: string, visit: (termId: number) => void): void {
    const terms = this.terms;
    for (let i = this.lowerBound(prefix); i < this.sortedIds.length; i++) {
      const termId = this.sortedIds[i] as number;
      if (!(terms[termId] as string).startsWith(prefix)) return;
      visit(termId);
    }
  }

  private lowerBound(term: string): number {
    let low = 0;
    let high = this.sortedIds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[this.sortedIds[middle] as number] as string) < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
