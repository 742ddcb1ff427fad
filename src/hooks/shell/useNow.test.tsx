import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './useNow.ts';

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves on every interval, after rendering once on mount', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useNow(30_000);
    });
    expect(result.current).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(renders).toBe(1);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(result.current).toBe(Date.parse('2026-01-01T00:00:30Z'));
    expect(renders).toBe(2);
  });

  it('stops when unmounted', () => {
    const { unmount } = renderHook(() => useNow(1_000));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
