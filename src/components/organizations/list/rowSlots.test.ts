import { describe, expect, it } from 'vitest';
import { assignRowSlots } from './rowSlots.ts';

const slotsOf = (assigned: Map<string, number>) => Object.fromEntries(assigned);

describe('assignRowSlots', () => {
  it('numbers the first rows in their order', () => {
    expect(slotsOf(assignRowSlots(new Map(), ['a', 'b', 'c']))).toEqual({ a: 0, b: 1, c: 2 });
  });

  it('keeps the slot of a row still rendered and gives the slots of rows that left to new ones', () => {
    const first = assignRowSlots(new Map(), ['a', 'b', 'c', 'd']);
    // A scroll of two rows: a and b leave, e and f come in.
    const next = assignRowSlots(first, ['c', 'd', 'e', 'f']);
    expect(slotsOf(next)).toEqual({ c: 2, d: 3, e: 0, f: 1 });
  });

  it('takes new slots only when more rows are rendered than before', () => {
    const first = assignRowSlots(new Map(), ['a', 'b']);
    expect(slotsOf(assignRowSlots(first, ['b', 'c', 'd']))).toEqual({ b: 1, c: 0, d: 2 });
  });

  it('never gives the focused slot to another row', () => {
    const first = assignRowSlots(new Map(), ['a', 'b', 'c']);
    // a holds the focus and leaves: its slot stays empty (its element unmounts).
    const next = assignRowSlots(first, ['b', 'c', 'd'], 0);
    expect(slotsOf(next)).toEqual({ b: 1, c: 2, d: 3 });
    expect([...next.values()]).not.toContain(0);
  });

  it('keeps the focused row in its slot while it is rendered', () => {
    const first = assignRowSlots(new Map(), ['a', 'b', 'c']);
    expect(slotsOf(assignRowSlots(first, ['c', 'b', 'x'], 1))).toEqual({ c: 2, b: 1, x: 0 });
  });

  it('gives each key one slot, and no two keys the same slot', () => {
    let slots = assignRowSlots(new Map(), ['a', 'b', 'c', 'd', 'e']);
    for (let shift = 1; shift < 40; shift++) {
      const keys = Array.from({ length: 5 + (shift % 3) }, (_, i) => `k${shift + i}`);
      slots = assignRowSlots(slots, keys, shift % 4 === 0 ? 1 : null);
      expect(new Set(slots.values()).size).toBe(keys.length);
      expect([...slots.keys()].sort()).toEqual([...keys].sort());
    }
  });
});
