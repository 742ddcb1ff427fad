import { describe, expect, it } from 'vitest';
import { org } from './testOrganization.ts';
import { likelySurvivor, mergeChoices, NO_PICKS, withPick } from './mergeChoices.ts';

const older = org('older', { email: 'old@acme.example', variables: { plan: 'gold' } });
const newer = org('newer', {
  created: '2026-03-01T00:00:00.000Z',
  website: 'https://acme.example',
  variables: { plan: 'silver' },
});

describe('likelySurvivor', () => {
  it('offers the record with the most contacts', () => {
    expect(likelySurvivor([older, newer], new Map([['newer', 3]]))).toBe('newer');
  });

  it('then the oldest, counting a count not yet known as none', () => {
    expect(likelySurvivor([newer, older], new Map([['newer', undefined]]))).toBe('older');
    expect(likelySurvivor([], new Map())).toBeUndefined();
  });
});

describe('withPick', () => {
  it('keeps a field’s pick and a variable’s pick apart, leaving the others', () => {
    const picks = withPick(withPick(NO_PICKS, 'email', 'newer'), 'variables.plan', 'newer');
    expect(picks).toEqual({ fields: { email: 'newer' }, variables: { plan: 'newer' } });
    expect(withPick(picks, 'email', 'older').fields).toEqual({ email: 'older' });
    expect(NO_PICKS).toEqual({ fields: {}, variables: {} });
  });
});

describe('mergeChoices', () => {
  it('is nothing without a survivor', () => {
    expect(mergeChoices([older, newer], undefined, NO_PICKS)).toBeNull();
  });

  it('starts from the survivor’s defaults, overridden by what was picked', () => {
    const picks = withPick(NO_PICKS, 'variables.plan', 'newer');
    const choices = mergeChoices([older, newer], 'older', picks);
    expect(choices?.survivorId).toBe('older');
    expect(choices?.fields).toMatchObject({ email: 'older', website: 'newer' });
    expect(choices?.variables).toEqual({ plan: 'newer' });
  });
});
