import { describe, expect, it } from 'vitest';
import { addRecent, parseRecent, recentStorageKey, RECENT_LIMIT } from './searchRecent.ts';

describe('recent organizations', () => {
  it('puts the opened organization first and keeps it once', () => {
    let list = addRecent([], { id: 'a', name: 'A' });
    list = addRecent(list, { id: 'b', name: 'B', email: 'b@example.com' });
    list = addRecent(list, { id: 'a', name: 'A renamed' });
    expect(list).toEqual([
      { id: 'a', name: 'A renamed' },
      { id: 'b', name: 'B', email: 'b@example.com' },
    ]);
  });

  it('keeps the last ten', () => {
    let list = addRecent([], { id: '0', name: 'zero' });
    for (let index = 1; index <= 14; index += 1) {
      list = addRecent(list, { id: String(index), name: `n${index}` });
    }
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]?.id).toBe('14');
    expect(list[RECENT_LIMIT - 1]?.id).toBe('5');
  });

  it('drops fields the palette does not keep', () => {
    const opened = { id: 'a', name: 'A', size: 3, variables: { secret: 'x' } };
    expect(addRecent([], opened)).toEqual([{ id: 'a', name: 'A' }]);
  });

  it('reads whatever storage holds without failing', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"id":"a"}')).toEqual([]);
    expect(
      parseRecent(
        JSON.stringify([
          { id: 'a', name: 'A' },
          { id: 7, name: 'bad id' },
          { id: 'a', name: 'duplicate' },
          { id: 'b', name: '<img src=x onerror=alert(1)>', website: 'javascript:alert(1)' },
        ]),
      ),
    ).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: '<img src=x onerror=alert(1)>', website: 'javascript:alert(1)' },
    ]);
  });

  it('keeps one list per chatbot', () => {
    expect(recentStorageKey('demo')).not.toBe(recentStorageKey('other'));
  });
});
