// The sandbox's Typesense-like search over one chatbot's organizations, in memory.
//
// Text: fields are tokenised on anything not a letter or digit (Unicode-aware; Han, Hiragana
// and Katakana one character per token) and folded (case, accents, ß→ss, ø→o, …), see
// tokenize.ts and fold.ts. Every distinct folded term gets an id; each term has a posting list
// of (organization slot, best field rank).
// Query: each token stands for its exact term, for the terms it is a prefix of (the last token
// always, earlier ones from three characters), for the terms within its typo allowance (none
// below 4 characters, 1 from 4, 2 from 8; optimal string alignment distance), found through a
// SymSpell deletion index, never by scanning the vocabulary, and, where it is a prefix that no
// term starts with as typed, for the terms that start with a misspelling of it within the same
// allowance ("nortw" → Northwind; a walk of the sorted vocabulary, see fuzzy-prefix.ts). All
// tokens must match (AND); when nothing does, tokens are dropped from the right. A query without
// letters or digits matches nothing; `*` matches everything, newest first. Tokens past the 16th
// are ignored.
// Ranking: per token exact > prefix > one typo > two typos > prefix with one typo > prefix with
// two (each keeping the last letter typed before not), then name > email > website > industry >
// address > variables, summed over the tokens; ties newest first, then by id. Only the requested
// page is ranked (a bounded heap); facets are counted over all hits with integer value ids;
// highlights are cut for the page's hits only.
// Bounds (limits.ts): tokens are cut to 64 characters, a record's first 1,000 tokens (of its
// first 65,536 characters) are searchable, typo work per query token and per query is capped; a
// term, or a facet value, no record holds any more is released, so memory follows the records.
import type {
  OrganizationDto,
  SearchResultFacetDto,
  SearchOrganizationResultDto,
  SearchResultHitOrganizationDto,
} from '../types.ts';
import { forEachSearchableField, type SearchableFieldReader } from './document-fields.ts';
import { FacetField, NumericFacetField } from './facets.ts';
import { IntListArena } from './int-list-arena.ts';
import { highlightOrganization } from './highlight.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_TOKENS } from './limits.ts';
import { DocumentMatcher } from './match-documents.ts';
import { isPrefixToken, TokenExpander, type TokenTerms } from './query-terms.ts';
import { selectPage, type SlotOrder } from './select-page.ts';
import { tokenize } from './tokenize.ts';
import { TextTerms } from './text-terms.ts';
import type { SearchIndex, SearchIndexMemoryStats, SearchPage, SearchParams } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

export type { SearchIndex, SearchIndexMemoryStats, SearchPage, SearchParams } from './types.ts';

/**
 * Builds the in-memory index of one chatbot's organizations (see `SearchIndex`). The index
 * keeps the given objects and returns them in hits: callers hand over a fresh object per
 * upsert and do not change it afterwards.
 */
export function createSearchIndex(organizations: Iterable<OrganizationDto>): SearchIndex {
  return new OrganizationSearchIndex(organizations);
}

const WILDCARD = '*';

class OrganizationSearchIndex implements SearchIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly organizationBySlot: (OrganizationDto | undefined)[] = [];
  /** Per slot: `termId << 4 | fieldRank` for each distinct term of the organization. */
  private readonly termsBySlot = new IntListArena();
  /** While the constructor indexes: postings are filled in one pass at the end. */
  private building = true;
  private createdMsBySlot = new Float64Array(1024);
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly industry = new FacetField('industry');
  private readonly country = new FacetField('address.country');
  private readonly employees = new NumericFacetField('size');
  private readonly matcher: DocumentMatcher;
  private readonly expander: TokenExpander;
  private allSlots = new Int32Array(0);
  /** Upserts and removals so far: what cached results are valid for. */
  private writes = 0;
  private wildcardFacetCache: { writes: number; facets: SearchResultFacetDto[] } | undefined;
  private readonly textTerms = new TextTerms(this.vocabulary);
  // Scratch for indexTerms: which terms this organization has, and their best field rank.
  private termStamp = 0;
  private termSeen = new Int32Array(0);
  private termRank = new Int8Array(0);
  private readonly distinctTerms: number[] = [];
  // Scratch for upsert: the terms of the version being replaced.
  private readonly previousTerms: number[] = [];

  constructor(organizations: Iterable<OrganizationDto>) {
    this.matcher = new DocumentMatcher(this.vocabulary, this.termsBySlot);
    this.expander = new TokenExpander(this.vocabulary);
    this.vocabulary.beginBulk();
    for (const organization of organizations) this.upsert(organization);
    this.fillPostings();
    this.building = false;
    this.vocabulary.endBulk();
    this.textTerms.stopCaching();
  }

  get size(): number {
    return this.slotById.size;
  }

  memoryStats(): SearchIndexMemoryStats {
    return {
      terms: this.vocabulary.size,
      typoEntries: this.vocabulary.typos.entryCount,
      facetValues: this.industry.size + this.country.size + this.employees.size,
    };
  }

  upsert(organization: OrganizationDto): void {
    this.writes++;
    let slot = this.slotById.get(organization.id);
    const previousTerms = this.previousTerms;
    previousTerms.length = 0;
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.organizationBySlot.length;
      this.slotById.set(organization.id, slot);
    } else {
      this.removePostings(slot, previousTerms);
    }
    this.organizationBySlot[slot] = organization;
    this.indexTerms(slot, organization);
    // Only now: a term the old and new versions share has its new posting already.
    this.releaseUnheldTerms(previousTerms);
    if (slot >= this.createdMsBySlot.length) {
      const grown = new Float64Array(Math.max(slot + 1, this.createdMsBySlot.length * 2));
      grown.set(this.createdMsBySlot);
      this.createdMsBySlot = grown;
    }
    const createdMs = Date.parse(organization.created);
    this.createdMsBySlot[slot] = Number.isNaN(createdMs) ? 0 : createdMs;
    this.industry.set(slot, organization.industry);
    this.country.set(slot, organization.address?.country);
    this.employees.set(slot, organization.size);
  }

  remove(organizationId: string): void {
    const slot = this.slotById.get(organizationId);
    if (slot === undefined) return;
    this.writes++;
    const previousTerms = this.previousTerms;
    previousTerms.length = 0;
    this.removePostings(slot, previousTerms);
    this.releaseUnheldTerms(previousTerms);
    this.organizationBySlot[slot] = undefined;
    this.termsBySlot.release(slot);
    this.industry.set(slot, undefined);
    this.country.set(slot, undefined);
    this.employees.set(slot, undefined);
    this.slotById.delete(organizationId);
    this.freeSlots.push(slot);
  }

  search(params: SearchParams): SearchOrganizationResultDto {
    const page = this.searchPage(params);
    const hits: SearchResultHitOrganizationDto[] = [];
    for (let i = 0; i < page.hitCount; i++) hits.push(page.hit(i));
    const { facetCounts, found, outOf } = page;
    return { facetCounts, found, hits, outOf, page: page.page, searchTimeMs: page.searchTimeMs() };
  }

  searchPage(params: SearchParams): SearchPage {
    const startedMs = performance.now();
    const { slots, count, isWildcard, matchedTerms } = this.findMatches(params);
    const facetCounts =
      isWildcard && params.hiddenHits.length === 0
        ? this.wildcardFacets(slots, count)
        : this.countFacets(slots, count);
    const offset = (params.page - 1) * params.pageSize;
    const order = isWildcard ? this.newestFirst : this.bestFirst;
    const pageSlots = selectPage(slots, count, offset, params.pageSize, order);
    // What the hits need, taken now: the records (never changed once indexed, see
    // createSearchIndex) and the scores (the next search overwrites them).
    const scores = this.matcher.scoreBySlot;
    const organizations = pageSlots.map((slot) => this.organizationBySlot[slot] as OrganizationDto);
    const textMatches = pageSlots.map((slot) => String(isWildcard ? 0 : scores[slot]));
    let isMatched = (folded: string): boolean => {
      const termId = this.vocabulary.idOf(folded);
      return termId !== undefined && matchedTerms.has(termId);
    };
    let detached = isWildcard;
    let busyMs = performance.now() - startedMs;
    return {
      facetCounts,
      found: count,
      outOf: this.size,
      page: params.page,
      hitCount: organizations.length,
      hit: (i) => {
        const hitStartedMs = performance.now();
        const organization = organizations[i] as OrganizationDto;
        const hit: SearchResultHitOrganizationDto = {
          organization,
          highlights: isWildcard ? [] : highlightOrganization(organization, isMatched),
          textMatch: textMatches[i] as string,
        };
        busyMs += performance.now() - hitStartedMs;
        return hit;
      },
      detach: () => {
        if (detached) return;
        detached = true;
        // Term ids are used again once released: the matched terms' texts stay right.
        const matchedTexts = new Set<string>();
        for (const termId of matchedTerms)
          matchedTexts.add(this.vocabulary.terms[termId] as string);
        isMatched = (folded) => matchedTexts.has(folded);
      },
      searchTimeMs: () => Math.round(busyMs * 100) / 100,
    };
  }

  private countFacets(slots: Int32Array, count: number): SearchResultFacetDto[] {
    return [
      this.industry.count(slots, count),
      this.country.count(slots, count),
      this.employees.count(slots, count),
    ];
  }

  /** The facets of the whole index, counted once per state of the index (`*` is a common query). */
  private wildcardFacets(slots: Int32Array, count: number): SearchResultFacetDto[] {
    if (this.wildcardFacetCache?.writes !== this.writes) {
      this.wildcardFacetCache = { writes: this.writes, facets: this.countFacets(slots, count) };
    }
    return structuredClone(this.wildcardFacetCache.facets);
  }

  /**
   * The matching slots (hidden ones removed). A query without a searchable token (only spaces
   * or punctuation) matches nothing; `*` matches everything. When all tokens together match
   * nothing, tokens are dropped from the right until some do, as Typesense's `drop_tokens` does.
   */
  private findMatches(params: SearchParams): {
    slots: Int32Array;
    count: number;
    isWildcard: boolean;
    matchedTerms: ReadonlySet<number>;
  } {
    const hidden = new Set<number>();
    for (const id of params.hiddenHits) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) hidden.add(slot);
    }
    if (params.query.trim() === WILDCARD) {
      const { slots, count } = this.liveSlots(hidden);
      return { slots, count, isWildcard: true, matchedTerms: new Set() };
    }
    const queryTokens = uniqueQueryTokens(params.query);
    this.expander.beginQuery();
    const tokens = queryTokens.map((token, index) =>
      this.expander.expand(token, isPrefixToken(token, index === queryTokens.length - 1)),
    );
    const { slots, count, used } = this.matcher.match(tokens, this.organizationBySlot.length);
    if (count === 0) {
      return { slots: new Int32Array(0), count: 0, isWildcard: false, matchedTerms: new Set() };
    }
    // Highlights name only the terms of the tokens used: a client sees which words matched.
    return {
      slots,
      count: removeHidden(slots, count, hidden),
      isWildcard: false,
      matchedTerms: termIdsOf(tokens.slice(0, used)),
    };
  }

  private liveSlots(hidden: ReadonlySet<number>): { slots: Int32Array; count: number } {
    if (this.allSlots.length < this.organizationBySlot.length) {
      this.allSlots = new Int32Array(this.organizationBySlot.length * 2);
    }
    let count = 0;
    for (let slot = 0; slot < this.organizationBySlot.length; slot++) {
      if (this.organizationBySlot[slot] !== undefined && !hidden.has(slot))
        this.allSlots[count++] = slot;
    }
    return { slots: this.allSlots, count };
  }

  private readonly newestFirst: SlotOrder = (a, b) =>
    (this.createdMsBySlot[b] as number) - (this.createdMsBySlot[a] as number) ||
    this.compareIds(a, b);

  private readonly bestFirst: SlotOrder = (a, b) => {
    const scores = this.matcher.scoreBySlot;
    return (scores[b] as number) - (scores[a] as number) || this.newestFirst(a, b);
  };

  private compareIds(a: number, b: number): number {
    const idA = (this.organizationBySlot[a] as OrganizationDto).id;
    const idB = (this.organizationBySlot[b] as OrganizationDto).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  }

  /**
   * Files every distinct term of the organization's searchable part with the best rank of the
   * fields holding it.
   */
  private indexTerms(slot: number, organization: OrganizationDto): void {
    this.termStamp++;
    const distinct = this.distinctTerms;
    distinct.length = 0;
    forEachSearchableField(organization, this.collectFieldTerms);
    for (let i = 0; i < distinct.length; i++) {
      const termId = distinct[i] as number;
      const rank = this.termRank[termId] as number;
      distinct[i] = (termId << 4) | rank;
      if (!this.building) this.vocabulary.postings.insertSorted(termId, (slot << 4) | rank);
    }
    this.termsBySlot.replace(slot, distinct, distinct.length);
  }

  /** Adds a field's terms to `distinctTerms`, keeping each term's best rank (one visitor for all). */
  private readonly collectFieldTerms: SearchableFieldReader = (
    path,
    rank,
    text,
    end,
    maxTokens,
  ) => {
    const termIds = this.textTerms.termIds(path, text, end, maxTokens);
    if (this.termSeen.length < this.vocabulary.terms.length) this.growTermScratch();
    const stamp = this.termStamp;
    for (let i = 0; i < termIds.length; i++) {
      const termId = termIds[i] as number;
      if (this.termSeen[termId] !== stamp) {
        this.termSeen[termId] = stamp;
        this.termRank[termId] = rank;
        this.distinctTerms.push(termId);
      } else if (rank < (this.termRank[termId] as number)) this.termRank[termId] = rank;
    }
    return termIds.length;
  };

  /**
   * The build's postings in one go: each term's list sized exactly, then filled in slot order
   * (no list ever grows or moves).
   */
  private fillPostings(): void {
    const postingCounts = new Int32Array(this.vocabulary.terms.length);
    const terms = this.termsBySlot;
    const slotCount = this.organizationBySlot.length;
    for (let slot = 0; slot < slotCount; slot++) {
      const data = terms.dataOf(slot);
      const end = terms.start(slot) + terms.length(slot);
      for (let i = terms.start(slot); i < end; i++) {
        const termId = (data[i] as number) >> 4;
        postingCounts[termId] = (postingCounts[termId] as number) + 1;
      }
    }
    for (let termId = 0; termId < postingCounts.length; termId++) {
      this.vocabulary.postings.reserve(termId, postingCounts[termId] as number);
    }
    for (let slot = 0; slot < slotCount; slot++) {
      const data = terms.dataOf(slot);
      const end = terms.start(slot) + terms.length(slot);
      for (let i = terms.start(slot); i < end; i++) {
        const entry = data[i] as number;
        this.vocabulary.postings.push(entry >> 4, (slot << 4) | (entry & 15));
      }
    }
  }

  private growTermScratch(): void {
    const size = Math.max(this.vocabulary.terms.length * 2, 1024);
    const seen = new Int32Array(size);
    seen.set(this.termSeen);
    this.termSeen = seen;
    const ranks = new Int8Array(size);
    ranks.set(this.termRank);
    this.termRank = ranks;
  }

  /** Takes the slot's postings out; its term ids go to `removedTermIds`. */
  private removePostings(slot: number, removedTermIds: number[]): void {
    if (this.building) return;
    const terms = this.termsBySlot;
    const data = terms.dataOf(slot);
    const end = terms.start(slot) + terms.length(slot);
    for (let i = terms.start(slot); i < end; i++) {
      const entry = data[i] as number;
      this.vocabulary.postings.removeSorted(entry >> 4, (slot << 4) | (entry & 15));
      removedTermIds.push(entry >> 4);
    }
  }

  /** Releases the terms no organization holds any more (their postings ran empty). */
  private releaseUnheldTerms(termIds: readonly number[]): void {
    for (const termId of termIds) {
      if (this.vocabulary.postings.length(termId) === 0) this.vocabulary.release(termId);
    }
  }
}

/** The query's distinct folded tokens, at most MAX_QUERY_TOKENS of its first MAX_QUERY_CHARS. */
function uniqueQueryTokens(query: string): string[] {
  const tokens: string[] = [];
  const visit = (folded: string): void => {
    if (tokens.length < MAX_QUERY_TOKENS && !tokens.includes(folded)) tokens.push(folded);
  };
  tokenize(query, visit, Number.POSITIVE_INFINITY, Math.min(query.length, MAX_QUERY_CHARS));
  return tokens;
}

function removeHidden(slots: Int32Array, count: number, hidden: ReadonlySet<number>): number {
  if (hidden.size === 0) return count;
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const slot = slots[i] as number;
    if (!hidden.has(slot)) slots[kept++] = slot;
  }
  return kept;
}

function termIdsOf(tokens: readonly TokenTerms[]): Set<number> {
  const termIds = new Set<number>();
  for (const token of tokens) for (const termId of token.termIds) termIds.add(termId);
  return termIds;
}
