/** Ranks two slots: negative when `a` comes first. */
export type SlotOrder = (a: number, b: number) => number;

/**
 * The slots of one page, `[offset, offset + limit)` in `order`, without sorting the whole
 * result: a bounded heap keeps the best `offset + limit` slots seen (O(n log k)).
 */
export function selectPage(
  slots: Int32Array,
  count: number,
  offset: number,
  limit: number,
  order: SlotOrder,
): number[] {
  const keep = offset + limit;
  if (offset >= count || limit <= 0) return [];
  if (keep >= count / 2) {
    return Array.from(slots.subarray(0, count)).sort(order).slice(offset, keep);
  }
  // Max-heap on `order`: the root is the worst of the best `keep` slots so far.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => order(heap[a] as number, heap[b] as number) > 0;
  const swap = (a: number, b: number): void => {
    const held = heap[a] as number;
    heap[a] = heap[b] as number;
    heap[b] = held;
  };
  const siftDown = (start: number): void => {
    let parent = start;
    for (;;) {
      const left = parent * 2 + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const worst = right < heap.length && worse(right, left) ? right : left;
      if (!worse(worst, parent)) return;
      swap(worst, parent);
      parent = worst;
    }
  };
  for (let i = 0; i < count; i++) {
    const slot = slots[i] as number;
    if (heap.length < keep) {
      heap.push(slot);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!worse(child, parent)) break;
        swap(child, parent);
        child = parent;
      }
    } else if (order(slot, heap[0] as number) < 0) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort(order).slice(offset, keep);
}
