import { describe, expect, it } from 'vitest';
import { changedFields, dataFields, sameJson } from './changed-fields.ts';

describe('changedFields', () => {
  const before = {
    id: 'o1',
    name: 'Acme',
    email: 'a@acme.test',
    created: '2024-01-01',
    updated: '2024-01-01',
    address: { street: 'Main', location: 'X' },
    variables: { tier: 'gold' },
  };

  it('keeps only the fields that differ, each side with its value, null when absent', () => {
    const after = {
      ...before,
      updated: '2024-02-02',
      email: undefined as unknown as string,
      address: { location: 'X', street: 'Main' },
      variables: { tier: 'silver' },
    };
    delete (after as Record<string, unknown>).email;
    expect(changedFields(before, after)).toEqual({
      before: { email: 'a@acme.test', variables: { tier: 'gold' } },
      after: { email: null, variables: { tier: 'silver' } },
    });
  });

  it('looks only among the fields a request named, when given', () => {
    expect(
      changedFields(before, { ...before, name: 'Acme 2', email: 'b@acme.test' }, ['name']),
    ).toEqual({
      before: { name: 'Acme' },
      after: { name: 'Acme 2' },
    });
  });

  it('leaves out what the API keeps by itself', () => {
    expect(dataFields(before)).not.toHaveProperty('id');
    expect(dataFields(before)).not.toHaveProperty('updated');
    expect(Object.keys(dataFields(before))).toEqual(['name', 'email', 'address', 'variables']);
  });

  it('compares JSON values whatever the order of keys', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
