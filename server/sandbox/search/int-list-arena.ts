/**
 * Many growable lists of 32-bit integers, keyed by small integer ids, kept in one typed array
 * instead of one JavaScript array each: building 100,000 documents' postings and term lists
 * this way leaves the garbage collector almost nothing to trace or copy. A list that outgrows
 * its room moves to the end with twice the room; the space it leaves is reclaimed by `compact`,
 * which runs by itself once more than half of the arena is abandoned.
 */
export class IntListArena {
  data = new Int32Array(1 << 16);
  private used = 0;
  private abandoned = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private capacities = new Int32Array(1024);

  start(listId: number): number {
    return listId < this.starts.length ? (this.starts[listId] as number) : 0;
  }

  length(listId: number): number {
    return listId < this.lengths.length ? (this.lengths[listId] as number) : 0;
  }

  /** Gives an empty list room for `capacity` values (the index build knows its sizes). */
  reserve(listId: number, capacity: number): void {
    this.ensureListId(listId);
    this.abandoned += this.capacities[listId] as number;
    this.place(listId, capacity);
    this.lengths[listId] = 0;
  }

  push(listId: number, value: number): void {
    this.ensureListId(listId);
    const length = this.lengths[listId] as number;
    if (length === this.capacities[listId]) this.move(listId, Math.max(4, length * 2));
    this.data[(this.starts[listId] as number) + length] = value;
    this.lengths[listId] = length + 1;
  }

  /**
   * Inserts `value` into a list kept in ascending order: a binary search and one native
   * `copyWithin`, so even a list of 100,000 values takes microseconds.
   */
  insertSorted(listId: number, value: number): void {
    this.ensureListId(listId);
    const length = this.lengths[listId] as number;
    if (length === this.capacities[listId]) this.move(listId, Math.max(4, length * 2));
    const start = this.starts[listId] as number;
    const at = this.lowerBound(start, start + length, value);
    this.data.copyWithin(at + 1, at, start + length);
    this.data[at] = value;
    this.lengths[listId] = length + 1;
  }

  /** Removes `value` from a list kept in ascending order; false when absent. */
  removeSorted(listId: number, value: number): boolean {
    const start = this.start(listId);
    const length = this.length(listId);
    const at = this.lowerBound(start, start + length, value);
    if (at === start + length || this.data[at] !== value) return false;
    this.data.copyWithin(at, at + 1, start + length);
    this.lengths[listId] = length - 1;
    return true;
  }

  /** Removes one occurrence of `value` (order is not kept); false when absent. */
  removeValue(listId: number, value: number): boolean {
    const start = this.start(listId);
    const length = this.length(listId);
    for (let i = start; i < start + length; i++) {
      if (this.data[i] !== value) continue;
      this.data[i] = this.data[start + length - 1] as number;
      this.lengths[listId] = length - 1;
      return true;
    }
    return false;
  }

  /** Replaces the list with `values[0..count)`. */
  replace(listId: number, values: ArrayLike<number>, count: number): void {
    this.ensureListId(listId);
    if (count > (this.capacities[listId] as number)) {
      this.abandoned += this.capacities[listId] as number;
      this.place(listId, count);
    }
    const start = this.starts[listId] as number;
    for (let i = 0; i < count; i++) this.data[start + i] = values[i] as number;
    this.lengths[listId] = count;
  }

  clear(listId: number): void {
    if (listId < this.lengths.length) this.lengths[listId] = 0;
  }

  /**
   * Empties the list and gives up its room (a deleted document's or term's list): the space is
   * reclaimed by the next `compact`, which runs once more than half of the arena is abandoned.
   */
  release(listId: number): void {
    if (listId >= this.lengths.length) return;
    this.abandoned += this.capacities[listId] as number;
    this.capacities[listId] = 0;
    this.lengths[listId] = 0;
    if (this.abandoned > 1 << 20 && this.abandoned * 2 > this.used) this.compact();
  }

  /** Int32 slots allocated for lists (values, room to grow and abandoned room). */
  get allocated(): number {
    return this.data.length;
  }

  /** Rewrites every list contiguously, with room for at most twice its values. */
  compact(): void {
    const listCount = this.starts.length;
    let needed = 0;
    for (let listId = 0; listId < listCount; listId++) {
      const length = this.lengths[listId] as number;
      this.capacities[listId] = Math.min(
        this.capacities[listId] as number,
        Math.max(length * 2, 4),
      );
      needed += this.capacities[listId] as number;
    }
    const data = new Int32Array(Math.max(1 << 16, needed + (needed >> 1)));
    let used = 0;
    for (let listId = 0; listId < listCount; listId++) {
      const start = this.starts[listId] as number;
      data.set(this.data.subarray(start, start + (this.lengths[listId] as number)), used);
      this.starts[listId] = used;
      used += this.capacities[listId] as number;
    }
    this.data = data;
    this.used = used;
    this.abandoned = 0;
  }

  private lowerBound(from: number, to: number, value: number): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.data[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private move(listId: number, capacity: number): void {
    if (this.abandoned > 1 << 20 && this.abandoned * 2 > this.used) this.compact();
    this.abandoned += this.capacities[listId] as number;
    const oldStart = this.starts[listId] as number;
    // `place` keeps everything below `used` (the old values too) when it enlarges the array.
    this.place(listId, capacity);
    const newStart = this.starts[listId] as number;
    this.data.copyWithin(newStart, oldStart, oldStart + (this.lengths[listId] as number));
  }

  private place(listId: number, capacity: number): void {
    if (this.used + capacity > this.data.length) {
      const data = new Int32Array(Math.max(this.used + capacity, this.data.length * 2));
      data.set(this.data.subarray(0, this.used));
      this.data = data;
    }
    this.starts[listId] = this.used;
    this.capacities[listId] = capacity;
    this.used += capacity;
  }

  private ensureListId(listId: number): void {
    if (listId < this.starts.length) return;
    const size = Math.max(listId + 1, this.starts.length * 2);
    const grow = (array: Int32Array): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(size);
      grown.set(array);
      return grown;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.capacities = grow(this.capacities);
  }
}
