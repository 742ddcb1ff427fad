import { describe, expect, it } from 'vitest';
import type { OrganizationFormValues } from './organizationForm.ts';
import { mergeChanges, sameFormValues } from './organizationFormMerge.ts';

function values(changes: Partial<OrganizationFormValues> = {}): OrganizationFormValues {
  return {
    name: 'Acme',
    email: '',
    website: 'https://acme.example',
    size: '10',
    industry: '',
    address: {
      street: 'Main Street',
      houseNumber: '1',
      zipcode: '',
      location: 'Berlin',
      country: '',
    },
    variables: [
      { key: 'plan', value: 'Gold' },
      { key: 'owner', value: 'Ann' },
    ],
    ...changes,
  };
}

describe('mergeChanges', () => {
  it('keeps a field the other person set that I never touched (the walk-through’s case)', () => {
    const base = values();
    const theirs = values({ industry: 'Set by them' });
    const mine = values({
      website: 'https://mine.example',
      address: { ...base.address, location: 'Hamburg' },
    });
    const merged = mergeChanges(base, mine, theirs);
    expect(merged.industry).toBe('Set by them');
    expect(merged.website).toBe('https://mine.example');
    expect(merged.address.location).toBe('Hamburg');
  });

  it('takes my value where we both changed a field, and theirs elsewhere in the address', () => {
    const base = values();
    const theirs = values({ name: 'Theirs', address: { ...base.address, street: 'Their Street' } });
    const mine = values({ name: 'Mine', address: { ...base.address, houseNumber: '2' } });
    const merged = mergeChanges(base, mine, theirs);
    expect(merged.name).toBe('Mine');
    expect(merged.address).toEqual({ ...base.address, street: 'Their Street', houseNumber: '2' });
  });

  it('applies my variable changes to theirs: added, changed and removed keys, the rest theirs', () => {
    const base = values();
    const theirs = values({
      variables: [
        { key: 'plan', value: 'Platinum' },
        { key: 'owner', value: 'Ann' },
        { key: 'region', value: 'EU' },
      ],
    });
    const mine = values({
      variables: [
        { key: 'plan', value: 'Gold' },
        { key: 'tier', value: '2' },
      ],
    });
    expect(mergeChanges(base, mine, theirs).variables).toEqual([
      { key: 'plan', value: 'Platinum' },
      { key: 'region', value: 'EU' },
      { key: 'tier', value: '2' },
    ]);
  });

  it('counts only trimmed differences as mine', () => {
    const base = values();
    const theirs = values({ industry: 'Theirs' });
    const mine = values({ name: '  Acme  ', industry: '' });
    expect(mergeChanges(base, mine, theirs)).toEqual(theirs);
  });
});

describe('sameFormValues', () => {
  it('compares what would be sent', () => {
    expect(sameFormValues(values(), values({ name: ' Acme ' }))).toBe(true);
    expect(sameFormValues(values(), values({ industry: 'x' }))).toBe(false);
    expect(sameFormValues(values(), values({ variables: [] }))).toBe(false);
  });
});
