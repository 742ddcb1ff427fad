import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntListArena } from './int-list-arena.ts';

const listOf = (arena: IntListArena, listId: number): number[] => {
  const start = arena.start(listId);
  return Array.from(arena.dataOf(listId).subarray(start, start + arena.length(listId)));
};

describe('IntListArena', () => {
  // Compared with plain arrays under random pushes, removals, replacements and compactions.
  it('keeps every list as plain arrays would (as multisets)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), list: fc.nat(20), value: fc.integer() }),
      fc.record({ kind: fc.constant('remove' as const), list: fc.nat(20), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('replace' as const),
        list: fc.nat(20),
        values: fc.array(fc.integer(), { maxLength: 12 }),
      }),
      fc.record({ kind: fc.constant('release' as const), list: fc.nat(20) }),
      fc.record({ kind: fc.constant('compact' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const arena = new IntListArena();
        const model = new Map<number, number[]>();
        for (const op of operations) {
          if (op.kind === 'compact') {
            arena.compact();
            continue;
          }
          if (op.kind === 'release') {
            arena.release(op.list);
            model.set(op.list, []);
            continue;
          }
          const values = model.get(op.list) ?? [];
          model.set(op.list, values);
          if (op.kind === 'push') {
            arena.push(op.list, op.value);
            values.push(op.value);
          } else if (op.kind === 'remove') {
            if (values.length === 0) {
              expect(arena.removeValue(op.list, 1)).toBe(false);
              continue;
            }
            const value = values[op.pick % values.length] as number;
            expect(arena.removeValue(op.list, value)).toBe(true);
            values.splice(values.indexOf(value), 1);
          } else {
            arena.replace(op.list, op.values, op.values.length);
            model.set(op.list, [...op.values]);
          }
        }
        for (const [list, values] of model) {
          expect(listOf(arena, list).sort()).toEqual([...values].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives reserved lists their room and unknown lists no values', () => {
    const arena = new IntListArena();
    arena.reserve(3, 2);
    arena.push(3, 7);
    arena.push(3, 8);
    arena.push(3, 9);
    expect(listOf(arena, 3)).toEqual([7, 8, 9]);
    expect(arena.length(5000)).toBe(0);
  });
});

describe('IntListArena release', () => {
  it('gives the room of released lists back once they are most of the arena', () => {
    const arena = new IntListArena();
    for (let list = 0; list < 4_000; list++) {
      for (let value = 0; value < 1_000; value++) arena.push(list, value);
    }
    const grown = arena.allocated;
    // Up to a million abandoned values (4 MB) may wait for the next compaction.
    for (let list = 1; list < 4_000; list++) arena.release(list);
    expect(arena.allocated).toBeLessThan(grown / 2);
    expect(listOf(arena, 0)).toEqual(Array.from({ length: 1_000 }, (_, value) => value));
    expect(arena.length(1)).toBe(0);
    arena.push(1, 42);
    expect(listOf(arena, 1)).toEqual([42]);
  });
});

describe('IntListArena sorted lists', () => {
  it('keeps a list sorted through inserts and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 50 })), { maxLength: 200 }),
        (operations) => {
          const arena = new IntListArena();
          const model: number[] = [];
          for (const [insert, value] of operations) {
            if (insert && !model.includes(value)) {
              arena.insertSorted(7, value);
              model.push(value);
            } else if (!insert) {
              expect(arena.removeSorted(7, value)).toBe(model.includes(value));
              if (model.includes(value)) model.splice(model.indexOf(value), 1);
            }
          }
          expect(listOf(arena, 7)).toEqual([...model].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('IntListArena chunks', () => {
  it('keeps lists across many chunks, moving them out of chunks mostly abandoned', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ list: fc.nat(40), count: fc.nat(20_000), release: fc.boolean() }), {
          maxLength: 60,
        }),
        (operations) => {
          const arena = new IntListArena();
          const model = new Map<number, number[]>();
          let next = 0;
          for (const { list, count, release } of operations) {
            if (release) {
              arena.release(list);
              model.set(list, []);
              continue;
            }
            const values = model.get(list) ?? [];
            model.set(list, values);
            for (let i = 0; i < count; i++) {
              arena.push(list, next);
              values.push(next++);
            }
          }
          for (const [list, values] of model) expect(listOf(arena, list)).toEqual(values);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never allocates more than one chunk (1 MB) for a write, however large the arena', () => {
    const arena = new IntListArena();
    let largestStep = 0;
    for (let value = 0; value < 3_000_000; value++) {
      const before = arena.allocated;
      arena.push(value % 5_000, value);
      largestStep = Math.max(largestStep, arena.allocated - before);
    }
    expect(arena.allocated).toBeGreaterThan(3_000_000);
    expect(largestStep).toBeLessThanOrEqual(1 << 18);
  });
});
