import { describe, expect, it } from 'vitest';
import { parseIsoTimestampCeilMs } from './iso-timestamp.ts';

describe('parseIsoTimestampCeilMs', () => {
  it.each([
    ['2024-09-29T07:08:00Z', Date.UTC(2024, 8, 29, 7, 8, 0)],
    ['2024-09-29T07:08:00.123Z', Date.UTC(2024, 8, 29, 7, 8, 0, 123)],
    ['2024-09-29T07:08Z', Date.UTC(2024, 8, 29, 7, 8)],
    ['2024-09-29', Date.UTC(2024, 8, 29)],
    ['2024-09-29T09:08:00+02:00', Date.UTC(2024, 8, 29, 7, 8, 0)],
    ['2024-09-29T02:08:00-0500', Date.UTC(2024, 8, 29, 7, 8, 0)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    // Finer than a millisecond rounds up: "created before" stays exact for whole milliseconds.
    ['2024-09-29T07:08:00.1231Z', Date.UTC(2024, 8, 29, 7, 8, 0, 124)],
    ['2024-09-29T07:08:00.123000Z', Date.UTC(2024, 8, 29, 7, 8, 0, 123)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoTimestampCeilMs(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '1727593680000',
    '2024-09-29T07:08:00',
    '2024-9-29T07:08:00Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-09-29T24:00:00Z',
    '2024-09-29T07:60:00Z',
    '2024-09-29T07:08:00+25:00',
    'Sun, 29 Sep 2024 07:08:00 GMT',
  ])('refuses %s', (text) => {
    expect(parseIsoTimestampCeilMs(text)).toBeUndefined();
  });
});
