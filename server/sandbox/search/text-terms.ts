import { MAX_TOKEN_LENGTH } from './limits.ts';
import { forEachAsciiTokenRange, isAscii, tokenize } from './tokenize.ts';
import type { Vocabulary } from './vocabulary.ts';

// Industries, cities, countries, streets and variable values repeat across thousands of
// records; remembering a text's term ids skips tokenising, folding and interning it again
// while the index is built. Once full the cache stops growing (the frequent texts are in by
// then) rather than churning. Only short texts are kept; the cache is dropped after the build
// (`stopCaching`): its term ids would outlive terms released since.
const CACHE_LIMIT = 100_000;
const CACHED_TEXT_LENGTH = 256;
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
  private cache = new Map<string, number[]>();
  private statsByField = new Map<string, FieldCacheStats>();
  private caching = true;
  private readonly scratch: number[] = [];
  // One visitor for every text (not a closure per call): it appends to `collecting`.
  private collecting: number[] = [];
  private readonly collect = (folded: string): void => {
    this.collecting.push(this.vocabulary.intern(folded));
  };
  private collectingText = '';
  private readonly collectAscii = (start: number, end: number): void => {
    const cut = Math.min(end, start + MAX_TOKEN_LENGTH);
    this.collecting.push(this.vocabulary.internAsciiRange(this.collectingText, start, cut));
  };

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Drops the cache for good (once the index is built). */
  stopCaching(): void {
    this.caching = false;
    this.cache = new Map();
    this.statsByField = new Map();
  }

  /**
   * The ids of the terms of `text[0, end)` of `field`, in text order, repeats included, at
   * most `maxTokens` of them (as `tokenize` reads them).
   */
  termIds(field: string, text: string, end: number, maxTokens: number): readonly number[] {
    if (!this.caching || text.length > CACHED_TEXT_LENGTH || end < text.length) {
      return this.readTerms(text, end, maxTokens, this.scratch);
    }
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
      if (cached && cached.length <= maxTokens) {
        stats.hits++;
        return cached;
      }
    }
    const kept = worthCaching && this.cache.size < CACHE_LIMIT;
    const termIds = this.readTerms(text, end, maxTokens, kept ? [] : this.scratch);
    // A text cut short by `maxTokens` is not what the same text reads as elsewhere.
    if (kept && termIds.length < maxTokens) this.cache.set(text, termIds);
    return termIds;
  }

  private readTerms(text: string, end: number, maxTokens: number, into: number[]): number[] {
    into.length = 0;
    this.collecting = into;
    this.collectingText = text;
    if (end === text.length && isAscii(text)) {
      forEachAsciiTokenRange(text, this.collectAscii, maxTokens);
    } else {
      tokenize(text, this.collect, maxTokens, end);
    }
    this.collecting = this.scratch;
    this.collectingText = '';
    return into;
  }
}
