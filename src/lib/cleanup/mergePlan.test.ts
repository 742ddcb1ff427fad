import { describe, expect, it } from 'vitest';
import { org } from './testOrganization.ts';
import { DUPLICATE_OF, mergeDefaults, mergePlan, mergeRows } from './mergePlan.ts';

const a = org('a', {
  name: 'Acme GmbH',
  email: 'info@acme.de',
  industry: 'Retail',
  address: { country: 'Germany', location: 'Berlin' },
  variables: { plan: 'gold', tier: '1' },
});
const b = org('b', {
  name: 'ACME',
  website: 'https://acme.de',
  size: 40,
  industry: 'retail',
  address: { country: 'DE' },
  variables: { plan: 'silver', crm: 'x-1' },
});
const c = org('c', { name: 'Acme', email: 'sales@acme.de', variables: { [DUPLICATE_OF]: 'z' } });
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('mergeDefaults', () => {
  it('keeps the survivor’s values and fills its gaps from the others, in order', () => {
    const choices = mergeDefaults([a, b, c], 'a');
    expect(choices.fields).toMatchObject({
      name: 'a',
      email: 'a',
      website: 'b',
      size: 'b',
      'address.country': 'a',
      'address.location': 'a',
    });
    expect(choices.variables).toEqual({ plan: 'a', tier: 'a', crm: 'b' });
  });
});

describe('mergeRows', () => {
  it('marks rows where the records differ, and never offers the duplicate mark', () => {
    const rows = mergeRows([a, b, c]);
    const row = (field: string) => rows.find((r) => r.field === field);
    expect(row('name')?.conflicting).toBe(true);
    expect(row('variables.plan')?.conflicting).toBe(true);
    expect(row('variables.crm')?.conflicting).toBe(false);
    expect(row('address.street')?.conflicting).toBe(false);
    expect(row(`variables.${DUPLICATE_OF}`)).toBeUndefined();
  });
});

describe('mergePlan', () => {
  it('updates the survivor with only what changes, address and variables whole', () => {
    const choices = mergeDefaults([a, b], 'a');
    choices.fields.name = 'b';
    choices.fields['address.country'] = 'b';
    choices.variables.plan = 'b';
    const plan = mergePlan([a, b], choices, counts({ b: 0 }), true);
    expect(plan.problems).toEqual([]);
    expect(plan.update).toEqual({
      name: 'ACME',
      website: 'https://acme.de',
      size: 40,
      address: { country: 'DE', location: 'Berlin' },
      variables: { plan: 'silver', tier: '1', crm: 'x-1' },
    });
    expect(plan.changes.map((change) => [change.field, change.before, change.after])).toEqual([
      ['name', 'Acme GmbH', 'ACME'],
      ['website', '', 'https://acme.de'],
      ['size', '', '40'],
      ['address.country', 'Germany', 'DE'],
      ['variables.plan', 'gold', 'silver'],
      ['variables.crm', '', 'x-1'],
    ]);
  });

  it('deletes a record without contacts and marks one with contacts', () => {
    const plan = mergePlan([a, b, c], mergeDefaults([a, b, c], 'a'), counts({ b: 0, c: 3 }), true);
    expect(plan.others.map((other) => [other.record.id, other.kind])).toEqual([
      ['b', 'delete'],
      ['c', 'mark'],
    ]);
    const marked = plan.others[1]!;
    expect(marked.kind === 'mark' && marked.reason).toBe('contacts');
    expect(marked.kind === 'mark' && marked.update.variables).toEqual({ [DUPLICATE_OF]: 'a' });
  });

  it('marks instead of deleting when the person may not delete', () => {
    const plan = mergePlan([a, b], mergeDefaults([a, b], 'b'), counts({ a: 0 }), false);
    expect(plan.others[0]).toMatchObject({ kind: 'mark', reason: 'role', contacts: 0 });
    expect(plan.survivor.id).toBe('b');
  });

  it('refuses a value the edit form would refuse, and a survivor with nothing to change has no update', () => {
    const bad = org('bad', { name: 'Acme', email: 'not an address' });
    const choices = mergeDefaults([a, bad], 'a');
    choices.fields.email = 'bad';
    const plan = mergePlan([a, bad], choices, counts({ bad: 0 }), true);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('not an address');

    const same = org('same', { name: 'Acme GmbH', email: 'info@acme.de' });
    const kept = mergePlan([a, same], mergeDefaults([a, same], 'a'), counts({ same: 0 }), true);
    expect(kept.update).toBeNull();
  });

  it('drops a variable when the chosen record lacks it, and keeps hostile text as it is', () => {
    const hostile = org('h', { name: '<img src=x onerror=alert(1)>', variables: {} });
    const choices = mergeDefaults([a, hostile], 'a');
    choices.fields.name = 'h';
    choices.variables.plan = 'h';
    const plan = mergePlan([a, hostile], choices, counts({ h: 0 }), true);
    expect(plan.update?.name).toBe('<img src=x onerror=alert(1)>');
    expect(plan.update?.variables).toEqual({ tier: '1' });
  });

  it('needs every other record’s contact count', () => {
    expect(() => mergePlan([a, b], mergeDefaults([a, b], 'a'), counts({}), true)).toThrow();
  });
});
