import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './relativeTime.ts';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('relativeTime', () => {
  it('names the largest whole unit, in the past and the future', () => {
    expect(relativeTime('2026-11-21T12:00:00.000Z', NOW)).toBe('3 days ago');
    expect(relativeTime('2026-11-24T14:00:00.000Z', NOW)).toBe('in 2 hr.');
    expect(relativeTime('2024-11-24T12:00:00.000Z', NOW)).toBe('2 yr. ago');
    expect(relativeTime('2025-12-29T12:00:00.000Z', NOW)).toBe('11 mo. ago');
    // 350 days: 11.7 months, which would round to "12 mo. ago".
    expect(relativeTime('2025-12-09T12:00:00.000Z', NOW)).toBe('last yr.');
  });

  it('says "just now" under a minute and null for text that is no timestamp', () => {
    expect(relativeTime('2026-11-24T11:59:31.000Z', NOW)).toBe('just now');
    // A record saved a moment "later" by a server whose clock runs ahead.
    expect(relativeTime('2026-11-24T12:00:05.000Z', NOW)).toBe('just now');
    expect(relativeTime('not a date', NOW)).toBeNull();
    expect(exactTime('not a date')).toBeNull();
  });

  it('gives the exact time with seconds and the time zone for the hover text', () => {
    expect(exactTime('2024-03-14T09:30:00.000Z')).toMatch(/Mar 14, 2024.*\d{1,2}:\d{2}:00 \S+/);
  });
});
