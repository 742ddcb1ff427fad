import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/types.ts';
import {
  fieldLabel,
  fieldUpdate,
  fieldValue,
  findingText,
  isEditableField,
} from './findingFields.ts';

const organization: Organization = {
  id: 'o1',
  name: 'Acme',
  created: '2024-01-01T00:00:00.000Z',
  updated: '2024-01-01T00:00:00.000Z',
  email: 'info(at)acme.com',
  size: 2.5,
  address: { street: 'Main St', country: 'DE' },
  variables: { plan: 'pro ', __proto__: 'x' } as Record<string, string>,
};

describe('finding fields', () => {
  it('reads a field of the record, address and variables too', () => {
    expect(fieldValue(organization, 'email')).toBe('info(at)acme.com');
    expect(fieldValue(organization, 'size')).toBe('2.5');
    expect(fieldValue(organization, 'address.country')).toBe('DE');
    expect(fieldValue(organization, 'variables.plan')).toBe('pro ');
    expect(fieldValue(organization, 'website')).toBe('');
    expect(fieldLabel('address.country')).toBe('Country');
    expect(isEditableField('address.country')).toBe(true);
    expect(isEditableField('variables.')).toBe(false);
  });

  it('writes one field, with the whole address and variables sent as the API needs', () => {
    expect(fieldUpdate(organization, 'address.country', ' Germany ')).toEqual({
      ok: true,
      body: {
        address: { street: 'Main St', country: 'Germany' },
        variables: organization.variables,
      },
    });
    const plan = fieldUpdate(organization, 'variables.plan', 'pro');
    expect(plan.ok && plan.body.variables.plan).toBe('pro');
    expect(fieldUpdate(organization, 'size', '3')).toEqual({
      ok: true,
      body: { size: 3, variables: organization.variables },
    });
  });

  it('refuses what the edit form refuses, in words', () => {
    expect(fieldUpdate(organization, 'email', 'info(at)acme.com').ok).toBe(false);
    expect(fieldUpdate(organization, 'website', 'acme.com')).toEqual({
      ok: false,
      problem: expect.stringContaining('http'),
    });
    expect(fieldUpdate(organization, 'size', '2.5').ok).toBe(false);
    expect(fieldUpdate(organization, 'name', '  ').ok).toBe(false);
    expect(fieldUpdate(organization, 'email', '').ok).toBe(true);
  });

  it('turns a finding’s JSON value into editor text', () => {
    expect(findingText('x')).toBe('x');
    expect(findingText(3)).toBe('3');
    expect(findingText(null)).toBe('');
    expect(findingText({ a: 1 })).toBe('');
  });
});
