import { describe, expect, it } from 'vitest';
import { describeTerms, lookupStatus, type LookupSearchState } from './lookupStatus.ts';
import type { LookupTerm } from './lookupTerms.ts';

const done: LookupSearchState = {
  idle: false,
  loading: false,
  error: null,
  term: 'ada',
  found: 1234,
  shown: 8,
};
const term = (text: string): LookupTerm => ({ text, query: text, kind: 'text' });

describe('lookupStatus', () => {
  it('says nothing while idle or when the search failed (the error is said in its place)', () => {
    expect(lookupStatus({ ...done, idle: true }, null, '')).toBeNull();
    expect(lookupStatus({ ...done, error: 'offline' }, null, 'ada')).toBeNull();
  });

  it('says how many were found for what was typed, and how many are shown', () => {
    expect(lookupStatus(done, null, 'ada')).toBe('1,234 found, the best 8 shown.');
    expect(lookupStatus({ ...done, found: 3, shown: 3 }, null, 'ada')).toBe('3 found.');
    expect(lookupStatus({ ...done, found: 0, shown: 0 }, null, ' zq ')).toBe(
      'No organization matches “zq”. Try part of the name, a domain or a city.',
    );
    expect(lookupStatus({ ...done, loading: true }, null, 'adb')).toBe('Searching…');
  });

  it('names the hint’s term that found them and those that found nothing', () => {
    const terms = [term('Ada Ltd'), term('ada.example'), term('Lund')];
    expect(lookupStatus({ ...done, term: 'Lund', found: 2 }, terms, '')).toBe(
      '2 found for “Lund” (nothing for “Ada Ltd” or “ada.example”).',
    );
    expect(lookupStatus({ ...done, term: 'Ada Ltd', found: 2 }, terms, '')).toBe(
      '2 found for “Ada Ltd”.',
    );
    expect(lookupStatus({ ...done, term: null }, terms, '')).toBe(
      'Nothing found for “Ada Ltd”, “ada.example” or “Lund”.',
    );
    expect(lookupStatus({ ...done, loading: true, shown: 0 }, terms, '')).toBe('Searching…');
  });

  it('joins terms as a sentence', () => {
    expect(describeTerms([])).toBe('');
    expect(describeTerms([term('a')])).toBe('“a”');
    expect(describeTerms([term('a'), term('b')])).toBe('“a” or “b”');
  });
});
