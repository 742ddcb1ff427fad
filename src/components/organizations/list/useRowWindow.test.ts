import { describe, expect, it } from 'vitest';
import { rowsInView } from './useRowWindow.ts';

describe('rowsInView', () => {
  it('counts the rows under the header at the top, a row cut at the bottom included', () => {
    // 40 px header, 44 px rows, 568 px high: rows 0–11 (the 12th ends exactly at the bottom).
    expect(rowsInView({ scrollTop: 0, height: 568 }, 44, 40)).toEqual({ first: 0, last: 11 });
    expect(rowsInView({ scrollTop: 0, height: 569 }, 44, 40)).toEqual({ first: 0, last: 12 });
  });

  it('starts at the first row still partly in view', () => {
    expect(rowsInView({ scrollTop: 40 + 44 * 100, height: 440 }, 44, 40)).toEqual({
      first: 100,
      last: 109,
    });
    expect(rowsInView({ scrollTop: 40 + 44 * 100 + 43, height: 440 }, 44, 40)).toEqual({
      first: 100,
      last: 110,
    });
  });

  it('holds at least one row when the area has no height yet', () => {
    expect(rowsInView({ scrollTop: 0, height: 0 }, 44, 40)).toEqual({ first: 0, last: 0 });
  });
});
