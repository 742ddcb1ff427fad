import { describe, expect, it } from 'vitest';
import { draftKey, isDraftOutdated, parseDraft, type FormDraft } from './formDraft.ts';
import { emptyCreateFormValues, type OrganizationFormValues } from './organizationForm.ts';

const values: OrganizationFormValues = {
  name: 'Acme',
  email: '',
  website: '',
  size: '',
  industry: 'Tools',
  address: { street: '', houseNumber: '', zipcode: '', location: 'Berlin', country: '' },
  variables: [{ key: 'plan', value: 'Gold' }],
};
const draft: FormDraft = {
  savedAtMs: 1_700_000_000_000,
  baseUpdated: '2024-02-01T00:00:00.000Z',
  base: values,
  values: { ...values, industry: 'Hardware' },
};

describe('drafts', () => {
  it('reads back what was written', () => {
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('keys drafts by chatbot and organization, any characters kept apart', () => {
    expect(draftKey('demo', 'a:b')).not.toBe(draftKey('demo:a', 'b'));
    expect(draftKey('demo', 'new')).toContain('demo');
  });

  it.each([
    ['nothing', null],
    ['not JSON', '{'],
    ['another shape', JSON.stringify({ savedAtMs: 1, baseUpdated: null, base: {}, values: {} })],
    ['a number for a field', JSON.stringify({ ...draft, values: { ...draft.values, name: 4 } })],
    [
      'a variable row of the wrong shape',
      JSON.stringify({ ...draft, values: { ...draft.values, variables: [{ key: 1 }] } }),
    ],
    ['a missing address field', JSON.stringify({ ...draft, base: { ...values, address: {} } })],
  ])('ignores %s in the storage', (_what, text) => {
    expect(parseDraft(text)).toBeUndefined();
  });

  it('asks for the extra fields of the create form', () => {
    const create = emptyCreateFormValues();
    const text = JSON.stringify({ ...draft, baseUpdated: null, base: create, values: create });
    expect(parseDraft(text, ['phoneNumber'])).toBeDefined();
    const { phoneNumber: _phone, ...withoutPhone } = create;
    const broken = JSON.stringify({ ...draft, base: create, values: withoutPhone });
    expect(parseDraft(broken, ['phoneNumber'])).toBeUndefined();
  });

  it('is outdated once the record was saved since', () => {
    expect(isDraftOutdated(draft, draft.baseUpdated)).toBe(false);
    expect(isDraftOutdated(draft, '2024-03-01T00:00:00.000Z')).toBe(true);
  });
});
