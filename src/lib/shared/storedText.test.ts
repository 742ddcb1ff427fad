import { describe, expect, it } from 'vitest';
import { parseStoredList } from './storedText.ts';

const ids = (stored: string | null, limit = 3) =>
  parseStoredList(
    stored,
    (entry) => (typeof entry === 'string' && entry !== '' ? entry : undefined),
    (entry) => entry,
    limit,
  );

describe('parseStoredList', () => {
  it('reads nothing from missing, unreadable or non-list text', () => {
    expect(ids(null)).toEqual([]);
    expect(ids('{not json')).toEqual([]);
    expect(ids('{"a":1}')).toEqual([]);
  });

  it('skips refused entries, keeps the first of each id, stops at the limit', () => {
    expect(ids(JSON.stringify(['a', 3, '', 'a', null, 'b', 'c', 'd']))).toEqual(['a', 'b', 'c']);
  });
});
