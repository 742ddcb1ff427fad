import { forEachAsciiTokenRange, isAscii, tokenize } from './tokenize.ts';
import type { Vocabulary } from './vocabulary.ts';

// Industries, cities, countries, streets and variable values repeat across thousands of
// records; remembering a text's term ids skips tokenising, folding and interning it again.
// Once full the cache stops growing (the frequent texts are in by then) rather than churning.
const CACHE_LIMIT = 100_000;
// Fields whose texts rarely repeat (names, emails, zip codes) only pay for the lookups: after
// this many lookups a field with fewer hits than HIT_RATE_WORTH_IT is no longer cached.
const TRIAL_LOOKUPS = 2_000;
const HIT_RATE_WORTH_IT = 0.3;

interface FieldCacheStats {
  lookups: number;
  hits: number;
}

/** The term ids of stored texts, interning new terms, with a cache for recurring texts. */
export class TextTerms {
  private readonly cache = new Map<string, number[]>();
  private readonly statsByField = new Map<string, FieldCacheStats>();
  private readonly scratch: number[] = [];
  // One visitor for every text (not a closure per call): it appends to `collecting`.
  private collecting: number[] = [];
  private readonly collect = (folded: string): void => {
    this.collecting.push(this.vocabulary.intern(folded));
  };
  private collectingText = '';
  private readonly collectAscii = (start: number, end: number): void => {
    this.collecting.push(this.vocabulary.internAsciiRange(this.collectingText, start, end));
  };

  constructor(private readonly vocabulary: Vocabulary) {}

  /** The ids of the terms of a text of `field`, in text order, repeats included. */
  termIds(field: string, text: string): readonly number[] {
    let stats = this.statsByField.get(field);
    if (!stats) {
      stats = { lookups: 0, hits: 0 };
      this.statsByField.set(field, stats);
    }
    const worthCaching =
      stats.lookups < TRIAL_LOOKUPS || stats.hits >= stats.lookups * HIT_RATE_WORTH_IT;
    if (worthCaching) {
      stats.lookups++;
      const cached = this.cache.get(text);
      if (cached) {
        stats.hits++;
        return cached;
      }
    }
    const kept = worthCaching && this.cache.size < CACHE_LIMIT;
    const termIds = kept ? [] : this.scratch;
    termIds.length = 0;
    this.collecting = termIds;
    this.collectingText = text;
    if (isAscii(text)) forEachAsciiTokenRange(text, this.collectAscii);
    else tokenize(text, this.collect);
    if (kept) this.cache.set(text, termIds);
    return termIds;
  }
}
