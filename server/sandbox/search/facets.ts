import type { SearchResultFacetDto } from '../types.ts';

const TOP_VALUES = 10;

/**
 * One faceted field: its distinct values interned to small integers and each document slot's
 * value id (-1: none), so counting a result set is one pass over integer arrays. A value is
 * forgotten once no document holds it (its id is used again), so deleted records' values do
 * not stay in memory.
 */
export class FacetField {
  private readonly values: string[] = [];
  private readonly idsByValue = new Map<string, number>();
  /** Documents holding each value id. */
  private holders = new Int32Array(64);
  private readonly freeValueIds: number[] = [];
  private valueIdBySlot = new Int32Array(1024).fill(-1);
  // Scratch counts, one per value, cleared after each count.
  private counts = new Int32Array(0);

  constructor(readonly fieldName: string) {}

  /** The slot's value; undefined clears it (a removed document). */
  set(slot: number, value: string | undefined): void {
    if (slot >= this.valueIdBySlot.length) this.grow(slot);
    const previous = this.valueIdBySlot[slot] as number;
    // The new value first: when it is the same, its holder count never touches zero.
    const valueId = typeof value === 'string' ? this.hold(value) : -1;
    this.valueIdBySlot[slot] = valueId;
    if (previous >= 0) this.letGo(previous);
  }

  /** Distinct values held by some document. */
  get size(): number {
    return this.idsByValue.size;
  }

  /** Counts the values over `slots[0..length)`: the top ten by count (ties by value). */
  count(slots: Int32Array, length: number): SearchResultFacetDto {
    if (this.counts.length < this.values.length)
      this.counts = new Int32Array(this.values.length * 2);
    const counts = this.counts;
    const valueIds = this.valueIdBySlot;
    const seen: number[] = [];
    for (let i = 0; i < length; i++) {
      const valueId = valueIds[slots[i] as number] as number;
      if (valueId < 0) continue;
      if (counts[valueId] === 0) seen.push(valueId);
      counts[valueId] = (counts[valueId] as number) + 1;
    }
    // Top ten by insertion into a short sorted list: no sort of thousands of values.
    const top: number[] = [];
    for (const valueId of seen) {
      if (top.length === TOP_VALUES && !this.ranksBefore(valueId, top[TOP_VALUES - 1] as number)) {
        continue;
      }
      let at = top.length < TOP_VALUES ? top.length : TOP_VALUES - 1;
      while (at > 0 && this.ranksBefore(valueId, top[at - 1] as number)) {
        top[at] = top[at - 1] as number;
        at--;
      }
      top[at] = valueId;
    }
    const facetCounts = top.map((valueId) => {
      const value = this.value(valueId);
      return { count: counts[valueId] as number, value, highlighted: value };
    });
    for (const valueId of seen) counts[valueId] = 0;
    return { fieldName: this.fieldName, counts: facetCounts };
  }

  /** More results first; equal counts by value, so the order never depends on the data's order. */
  private ranksBefore(a: number, b: number): boolean {
    const countA = this.counts[a] as number;
    const countB = this.counts[b] as number;
    if (countA !== countB) return countA > countB;
    return compareText(this.value(a), this.value(b)) < 0;
  }

  private value(valueId: number): string {
    return this.values[valueId] as string;
  }

  private hold(value: string): number {
    let valueId = this.idsByValue.get(value);
    if (valueId === undefined) {
      valueId = this.freeValueIds.pop() ?? this.values.length;
      this.values[valueId] = value;
      this.idsByValue.set(value, valueId);
      if (valueId >= this.holders.length) {
        const grown = new Int32Array(this.holders.length * 2);
        grown.set(this.holders);
        this.holders = grown;
      }
    }
    this.holders[valueId] = (this.holders[valueId] as number) + 1;
    return valueId;
  }

  private letGo(valueId: number): void {
    const holders = (this.holders[valueId] as number) - 1;
    this.holders[valueId] = holders;
    if (holders > 0) return;
    this.idsByValue.delete(this.values[valueId] as string);
    this.values[valueId] = '';
    this.freeValueIds.push(valueId);
  }

  private grow(slot: number): void {
    const grown = new Int32Array(Math.max(slot + 1, this.valueIdBySlot.length * 2)).fill(-1);
    grown.set(this.valueIdBySlot);
    this.valueIdBySlot = grown;
  }
}

/** `size`: a facet on the number as text, plus min, max, avg and sum over the result set. */
export class NumericFacetField {
  private readonly facet: FacetField;
  private numberBySlot = new Float64Array(1024).fill(Number.NaN);

  constructor(fieldName: string) {
    this.facet = new FacetField(fieldName);
  }

  /** Distinct values held by some document. */
  get size(): number {
    return this.facet.size;
  }

  set(slot: number, value: number | undefined): void {
    if (slot >= this.numberBySlot.length) {
      const grown = new Float64Array(Math.max(slot + 1, this.numberBySlot.length * 2));
      grown.fill(Number.NaN).set(this.numberBySlot);
      this.numberBySlot = grown;
    }
    const usable = typeof value === 'number' && Number.isFinite(value);
    this.numberBySlot[slot] = usable ? value : Number.NaN;
    this.facet.set(slot, usable ? String(value) : undefined);
  }

  count(slots: Int32Array, length: number): SearchResultFacetDto {
    const result = this.facet.count(slots, length);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    let counted = 0;
    for (let i = 0; i < length; i++) {
      const value = this.numberBySlot[slots[i] as number] as number;
      if (Number.isNaN(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
      sum += value;
      counted++;
    }
    // Typesense leaves the stats out when no result has a value.
    if (counted > 0) result.stats = { min, max, sum, avg: sum / counted };
    return result;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
