import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSearchIndex, DEFERRED_WORK_SLICE_MS } from './index.ts';
import { searchIndex, testOrganization } from './test-organizations.ts';

/** A scheduler the test runs by hand: what the index deferred, one slice per call. */
function manualSchedule() {
  const queue: (() => void)[] = [];
  return {
    schedule: (work: () => void) => void queue.push(work),
    get pending() {
      return queue.length;
    },
    runOne() {
      queue.shift()?.();
    },
  };
}

/** 1,000 distinct words of eight letters: a record at the index's token limit. */
function distinctWords(prefix: string): string[] {
  return Array.from({ length: 1_000 }, (_, i) => {
    let word = prefix;
    for (let n = i; word.length < 8; n = Math.floor(n / 26)) {
      word += String.fromCharCode(97 + (n % 26));
    }
    return word;
  });
}

describe('the typo filing of terms a write added', () => {
  it('waits for a later slice, and a misspelt search finds the new term meanwhile', () => {
    const clock = manualSchedule();
    const index = createSearchIndex([testOrganization({ name: 'Northwind Traders' })], {
      schedule: clock.schedule,
    });
    const words = distinctWords('q');
    index.upsert(testOrganization({ name: words.join(' ') }));
    expect(clock.pending).toBe(1);
    const word = words[700] as string;
    const misspelt = `${word.slice(0, 4)}${word[5]}${word[4]}${word.slice(6)}`;
    expect(searchIndex(index, word).found).toBe(1);
    expect(searchIndex(index, misspelt).found).toBe(1);
    expect(searchIndex(index, misspelt.slice(0, 6)).found).toBeGreaterThanOrEqual(1);

    while (clock.pending > 0) clock.runOne();
    expect(searchIndex(index, misspelt).found).toBe(1);
    expect(searchIndex(index, 'nortwind').found).toBe(1);
  });

  it('leaves the typo index as a build of the same records would', () => {
    const clock = manualSchedule();
    const names = ['Quillfeather Bookbinders', 'Marlowe Shipping', 'Quillfeather Stationers'];
    const written = createSearchIndex([], { schedule: clock.schedule });
    for (const name of names) written.upsert(testOrganization({ name }));
    while (clock.pending > 0) clock.runOne();
    const built = createSearchIndex(names.map((name) => testOrganization({ name })));
    expect(written.memoryStats()).toEqual(built.memoryStats());
  });
});

describe('the release of terms a write left unheld', () => {
  it('waits for a later slice: the delete itself does none of it', () => {
    const clock = manualSchedule();
    const index = createSearchIndex([testOrganization({ name: 'Northwind Traders' })], {
      schedule: clock.schedule,
    });
    const words = distinctWords('q');
    const big = testOrganization({ name: words.join(' ') });
    index.upsert(big);
    expect(searchIndex(index, words[500] as string).found).toBe(1);

    index.remove(big.id);
    // The delete answered; its terms are not released yet, and already match nothing.
    expect(clock.pending).toBe(1);
    expect(searchIndex(index, words[500] as string).found).toBe(0);
    expect(searchIndex(index, 'qa').found).toBe(0);
    expect(searchIndex(index, 'northwind').found).toBe(1);
  });

  it('keeps a term that a later write took up again before its turn', () => {
    const clock = manualSchedule();
    const index = createSearchIndex([], { schedule: clock.schedule });
    const first = testOrganization({ name: 'Quillfeather Bookbinders' });
    index.upsert(first);
    index.remove(first.id);
    index.upsert(testOrganization({ name: 'Quillfeather Stationers' }));
    while (clock.pending > 0) clock.runOne();

    expect(searchIndex(index, 'quillfeather').found).toBe(1);
    expect(searchIndex(index, 'quilfeather').found).toBe(1);
    expect(searchIndex(index, 'quillf').found).toBe(1);
    expect(searchIndex(index, 'bookbinders').found).toBe(0);
    expect(index.memoryStats().terms).toBe(2);
  });

  it('is done in slices that each stop at their deadline, and frees every term', () => {
    const clock = manualSchedule();
    const index = createSearchIndex([testOrganization({ name: 'Northwind Traders' })], {
      schedule: clock.schedule,
    });
    const baseline = index.memoryStats();
    for (const prefix of ['q', 'v', 'x', 'z']) {
      const big = testOrganization({ name: distinctWords(prefix).join(' ') });
      index.upsert(big);
      index.remove(big.id);
    }
    // A clock that moves 1 ms each time it is read: a slice sees its time run out after a few
    // reads, however fast this machine is.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    let slices = 0;
    while (clock.pending > 0) {
      clock.runOne();
      slices++;
    }
    vi.restoreAllMocks();
    // 4,000 terms, a clock read every 32 terms, DEFERRED_WORK_SLICE_MS reads per slice.
    expect(slices).toBeGreaterThanOrEqual(Math.floor(4_000 / (32 * (DEFERRED_WORK_SLICE_MS + 1))));
    expect(index.memoryStats()).toEqual(baseline);
    expect(searchIndex(index, 'northwind').found).toBe(1);
  });
});

afterEach(() => vi.restoreAllMocks());
