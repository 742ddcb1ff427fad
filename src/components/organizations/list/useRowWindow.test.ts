import { describe, expect, it } from 'vitest';
import { renderedRows, rowsInView, showsAllOf } from './useRowWindow.ts';

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

describe('renderedRows', () => {
  it('adds the overscan on each side, within the rows there are', () => {
    expect(renderedRows({ first: 20, last: 40 }, 8, 1000)).toEqual({ first: 12, last: 48 });
    expect(renderedRows({ first: 3, last: 23 }, 8, 30)).toEqual({ first: 0, last: 29 });
  });
});

describe('showsAllOf', () => {
  const rendered = renderedRows({ first: 20, last: 40 }, 8, 1000);

  it('holds while a scroll moves the view by up to the overscan', () => {
    expect(showsAllOf(rendered, { first: 28, last: 48 }, 1000)).toBe(true);
    expect(showsAllOf(rendered, { first: 12, last: 32 }, 1000)).toBe(true);
  });

  it('fails once a row in view is not rendered, either way', () => {
    expect(showsAllOf(rendered, { first: 29, last: 49 }, 1000)).toBe(false);
    expect(showsAllOf(rendered, { first: 11, last: 31 }, 1000)).toBe(false);
    // A jump far away (a scrollbar drag, End).
    expect(showsAllOf(rendered, { first: 900, last: 920 }, 1000)).toBe(false);
  });

  it('counts only rows that exist: the view may reach past the last row', () => {
    const nearEnd = renderedRows({ first: 980, last: 999 }, 8, 1000);
    expect(showsAllOf(nearEnd, { first: 985, last: 1004 }, 1000)).toBe(true);
  });
});
