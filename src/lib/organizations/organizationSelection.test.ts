import { describe, expect, it, vi } from 'vitest';
import { createOrganizationSelection, idsBetween, selectedCount } from './organizationSelection.ts';

/** A Storage over a Map (sessionStorage's part the selection uses). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('organization selection', () => {
  it('checks, unchecks and tells its subscribers; a search replaces the ids', () => {
    const selection = createOrganizationSelection('demo', memoryStorage());
    const told = vi.fn();
    selection.subscribe(told);
    selection.set(['a', 'b', 'c'], true);
    selection.set(['b'], false);
    expect([...selection.snapshot().ids]).toEqual(['a', 'c']);
    expect(selection.has('a') && !selection.has('b')).toBe(true);
    expect(selection.anchor()).toBe('b');
    expect(told).toHaveBeenCalledTimes(2);

    selection.selectSearch('berlin', 1_204);
    expect(selectedCount(selection.snapshot())).toBe(1_204);
    expect(selection.snapshot().ids.size).toBe(0);
    selection.set(['z'], true);
    expect(selection.snapshot().search).toBeNull();
    expect(selectedCount(selection.snapshot())).toBe(1);
  });

  it('survives a reload of the same chatbot, not the move to another; unreadable starts empty', async () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      const first = createOrganizationSelection('demo', storage);
      first.set(['a', 'b'], true);
      first.selectSearch('acme', 3);
      first.set(['x', 'y'], true);
      await vi.runAllTimersAsync();
      expect([...createOrganizationSelection('demo', storage).snapshot().ids]).toEqual(['x', 'y']);
      expect(createOrganizationSelection('other', storage).snapshot().ids.size).toBe(0);

      first.clear();
      await vi.runAllTimersAsync();
      expect(storage.getItem('organizations-selection:demo')).toBeNull();
      storage.setItem('organizations-selection:demo', '{not json');
      expect(selectedCount(createOrganizationSelection('demo', storage).snapshot())).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the ids between two rows in either order', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(idsBetween(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(ids, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(ids, 'a', 'a')).toEqual(['a']);
    expect(idsBetween(ids, 'a', 'gone')).toBeNull();
  });
});
