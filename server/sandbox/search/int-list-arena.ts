/** Values of the largest chunk: 1 MB. Growing or compacting touches at most one chunk's worth. */
const CHUNK_VALUES = 1 << 18;
/** The first chunk's values; each new chunk is as large as the arena so far, up to CHUNK_VALUES. */
const FIRST_CHUNK_VALUES = 1 << 12;
const NO_CHUNK = -1;
const EMPTY = new Int32Array(0);

/**
 * Many growable lists of 32-bit integers, keyed by small integer ids, kept in a few large typed
 * arrays (chunks) instead of one JavaScript array each: building 100,000 documents' postings and
 * term lists this way leaves the garbage collector almost nothing to trace or copy. A list lives
 * in one chunk (a list longer than a chunk gets a chunk of its own); a list that outgrows its
 * room moves to the open chunk with twice the room. Chunks are never resized: when one is full a
 * new one opens, and a chunk more than half abandoned has its lists moved out and is dropped, so
 * no single write copies or allocates more than a chunk (one doubling of a single array of
 * millions of values made a write take tens of milliseconds).
 */
export class IntListArena {
  private chunks: Int32Array[] = [];
  private chunkUsed: number[] = [];
  private chunkAbandoned: number[] = [];
  private openChunk = NO_CHUNK;
  private chunkOf = new Int32Array(1024).fill(NO_CHUNK);
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private capacities = new Int32Array(1024);

  /** The array holding the list's values, from `start(listId)` for `length(listId)` values. */
  dataOf(listId: number): Int32Array {
    const chunk = listId < this.chunkOf.length ? (this.chunkOf[listId] as number) : NO_CHUNK;
    return chunk === NO_CHUNK ? EMPTY : (this.chunks[chunk] as Int32Array);
  }

  start(listId: number): number {
    return listId < this.starts.length ? (this.starts[listId] as number) : 0;
  }

  length(listId: number): number {
    return listId < this.lengths.length ? (this.lengths[listId] as number) : 0;
  }

  /** Gives an empty list room for `capacity` values (the index build knows its sizes). */
  reserve(listId: number, capacity: number): void {
    this.ensureListId(listId);
    this.abandon(listId);
    this.place(listId, capacity);
    this.lengths[listId] = 0;
  }

  push(listId: number, value: number): void {
    this.ensureListId(listId);
    const length = this.lengths[listId] as number;
    if (length === this.capacities[listId]) this.move(listId, Math.max(4, length * 2));
    this.dataOf(listId)[(this.starts[listId] as number) + length] = value;
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
    const data = this.dataOf(listId);
    const start = this.starts[listId] as number;
    const at = lowerBound(data, start, start + length, value);
    data.copyWithin(at + 1, at, start + length);
    data[at] = value;
    this.lengths[listId] = length + 1;
  }

  /** Removes `value` from a list kept in ascending order; false when absent. */
  removeSorted(listId: number, value: number): boolean {
    const data = this.dataOf(listId);
    const start = this.start(listId);
    const length = this.length(listId);
    const at = lowerBound(data, start, start + length, value);
    if (at === start + length || data[at] !== value) return false;
    data.copyWithin(at, at + 1, start + length);
    this.lengths[listId] = length - 1;
    return true;
  }

  /** Removes one occurrence of `value` (order is not kept); false when absent. */
  removeValue(listId: number, value: number): boolean {
    const data = this.dataOf(listId);
    const start = this.start(listId);
    const length = this.length(listId);
    for (let i = start; i < start + length; i++) {
      if (data[i] !== value) continue;
      data[i] = data[start + length - 1] as number;
      this.lengths[listId] = length - 1;
      return true;
    }
    return false;
  }

  /** Replaces the list with `values[0..count)`. */
  replace(listId: number, values: ArrayLike<number>, count: number): void {
    this.ensureListId(listId);
    if (count > (this.capacities[listId] as number)) {
      this.abandon(listId);
      this.place(listId, count);
    }
    const data = this.dataOf(listId);
    const start = this.starts[listId] as number;
    for (let i = 0; i < count; i++) data[start + i] = values[i] as number;
    this.lengths[listId] = count;
  }

  clear(listId: number): void {
    if (listId < this.lengths.length) this.lengths[listId] = 0;
  }

  /**
   * Empties the list and gives up its room (a deleted document's or term's list): the chunk's
   * space is reclaimed once more than half of it is abandoned.
   */
  release(listId: number): void {
    if (listId >= this.lengths.length) return;
    this.abandon(listId);
    this.lengths[listId] = 0;
  }

  /** Int32 values allocated for lists (values, room to grow and abandoned room). */
  get allocated(): number {
    let total = 0;
    for (const chunk of this.chunks) total += chunk.length;
    return total;
  }

  /** Moves every list out of the chunks holding abandoned room (each with at most twice its values). */
  compact(): void {
    this.openChunk = NO_CHUNK;
    const chunkCount = this.chunks.length;
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      if ((this.chunkAbandoned[chunk] as number) > 0) this.evacuate(chunk);
    }
  }

  /** Gives up the list's room. */
  private abandon(listId: number): void {
    const chunk = this.chunkOf[listId] as number;
    if (chunk === NO_CHUNK) return;
    const capacity = this.capacities[listId] as number;
    this.chunkOf[listId] = NO_CHUNK;
    this.capacities[listId] = 0;
    this.starts[listId] = 0;
    this.giveBack(chunk, capacity);
  }

  /** Counts room of `chunk` as abandoned: the chunk is dropped, or evacuated once half abandoned. */
  private giveBack(chunk: number, room: number): void {
    const abandoned = (this.chunkAbandoned[chunk] as number) + room;
    this.chunkAbandoned[chunk] = abandoned;
    const used = this.chunkUsed[chunk] as number;
    if (abandoned === used) this.drop(chunk);
    else if (chunk !== this.openChunk && abandoned * 2 > used) this.evacuate(chunk);
  }

  /** Moves the chunk's lists to the open chunk (room for at most twice their values) and drops it. */
  private evacuate(chunk: number): void {
    const source = this.chunks[chunk] as Int32Array;
    if (chunk === this.openChunk) this.openChunk = NO_CHUNK;
    for (let listId = 0; listId < this.chunkOf.length; listId++) {
      if (this.chunkOf[listId] !== chunk) continue;
      const length = this.lengths[listId] as number;
      const start = this.starts[listId] as number;
      this.place(listId, Math.min(this.capacities[listId] as number, Math.max(length * 2, 4)));
      this.dataOf(listId).set(
        source.subarray(start, start + length),
        this.starts[listId] as number,
      );
    }
    this.drop(chunk);
  }

  private drop(chunk: number): void {
    this.chunks[chunk] = EMPTY;
    this.chunkUsed[chunk] = 0;
    this.chunkAbandoned[chunk] = 0;
    if (chunk === this.openChunk) this.openChunk = NO_CHUNK;
  }

  private move(listId: number, capacity: number): void {
    const source = this.dataOf(listId);
    const oldChunk = this.chunkOf[listId] as number;
    const oldStart = this.starts[listId] as number;
    const oldCapacity = this.capacities[listId] as number;
    const length = this.lengths[listId] as number;
    // Placed and copied before the old room is given back: that may evacuate its chunk.
    this.place(listId, capacity);
    const target = this.dataOf(listId);
    target.set(source.subarray(oldStart, oldStart + length), this.starts[listId] as number);
    if (oldChunk !== NO_CHUNK) this.giveBack(oldChunk, oldCapacity);
  }

  /** Gives the list `capacity` values of room: in the open chunk, a new one, or one of its own. */
  private place(listId: number, capacity: number): void {
    let chunk: number;
    if (capacity > CHUNK_VALUES) {
      chunk = this.newChunk(capacity);
    } else {
      const open = this.openChunk;
      if (
        open === NO_CHUNK ||
        (this.chunkUsed[open] as number) + capacity > (this.chunks[open] as Int32Array).length
      ) {
        const size = Math.min(CHUNK_VALUES, Math.max(FIRST_CHUNK_VALUES, this.allocated));
        this.openChunk = this.newChunk(Math.max(size, capacity));
      }
      chunk = this.openChunk;
    }
    this.chunkOf[listId] = chunk;
    this.starts[listId] = this.chunkUsed[chunk] as number;
    this.capacities[listId] = capacity;
    this.chunkUsed[chunk] = (this.chunkUsed[chunk] as number) + capacity;
  }

  private newChunk(size: number): number {
    let chunk = this.chunks.indexOf(EMPTY);
    if (chunk < 0) chunk = this.chunks.length;
    this.chunks[chunk] = new Int32Array(size);
    this.chunkUsed[chunk] = 0;
    this.chunkAbandoned[chunk] = 0;
    return chunk;
  }

  private ensureListId(listId: number): void {
    if (listId < this.starts.length) return;
    const size = Math.max(listId + 1, this.starts.length * 2);
    const grow = (array: Int32Array, fill: number): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(size);
      if (fill !== 0) grown.fill(fill, array.length);
      grown.set(array);
      return grown;
    };
    this.chunkOf = grow(this.chunkOf, NO_CHUNK);
    this.starts = grow(this.starts, 0);
    this.lengths = grow(this.lengths, 0);
    this.capacities = grow(this.capacities, 0);
  }
}

function lowerBound(data: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((data[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
