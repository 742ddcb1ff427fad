import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRequestFromForm,
  emptyCreateFormValues,
  formValuesFromOrganization,
  organizationCreateSchema,
  organizationEditSchema,
  organizationWithLocalUpdate,
  updateRequestFromForm,
} from './organizationForm.ts';
import {
  emailText,
  isEmailFormat,
  isUriFormat,
  websiteText,
} from './organizationForm.arbitraries.ts';
import { FIELD_MESSAGES } from './organizationFormRules.ts';

describe('field rules agree with the formats OrganizationDto claims', () => {
  const schema = organizationEditSchema({ sizeRequired: false });
  const base = formValuesFromOrganization({
    id: 'x',
    name: 'Acme',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    variables: {},
  });

  it('accepts an email only when the JSON Schema email format does', () => {
    fc.assert(
      fc.property(emailText, (email) => {
        const result = schema.safeParse({ ...base, email });
        if (result.success && result.data.email !== '') {
          expect(isEmailFormat(result.data.email)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a website only when it is an http(s) URI by the JSON Schema uri format', () => {
    fc.assert(
      fc.property(websiteText, (website) => {
        const result = schema.safeParse({ ...base, website });
        if (result.success && result.data.website !== '') {
          expect(isUriFormat(result.data.website)).toBe(true);
          expect(result.data.website).toMatch(/^https?:\/\//i);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts ordinary web addresses and email addresses (the rules are not needlessly strict)', () => {
    fc.assert(
      fc.property(
        fc.webUrl({
          validSchemes: ['http', 'https'],
          withQueryParameters: true,
          withFragments: true,
        }),
        fc.emailAddress(),
        (website, email) => {
          expect(schema.safeParse({ ...base, website, email }).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['email', 'name@', FIELD_MESSAGES.email],
    ['email', 'two@@example.com', FIELD_MESSAGES.email],
    ['website', 'example.com', FIELD_MESSAGES.websiteScheme],
    ['website', 'javascript:alert(1)', FIELD_MESSAGES.websiteScheme],
    ['website', 'https://exa mple.com', FIELD_MESSAGES.website],
    ['website', 'https://user:secret@example.com', FIELD_MESSAGES.website],
    ['size', '12.5', FIELD_MESSAGES.size],
    ['size', '-3', FIELD_MESSAGES.size],
    ['size', 'ten', FIELD_MESSAGES.size],
    ['size', '9007199254740993', FIELD_MESSAGES.sizeTooLarge],
    ['name', '   ', FIELD_MESSAGES.nameRequired],
  ] as const)('refuses %s %j with a message in plain words', (field, value, message) => {
    const result = schema.safeParse({ ...base, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [field, message],
    ]);
  });

  it('refuses empty and duplicate variable names, after trimming', () => {
    const result = schema.safeParse({
      ...base,
      variables: [
        { key: 'plan', value: 'a' },
        { key: ' plan ', value: 'b' },
        { key: '  ', value: 'c' },
      ],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['variables.2.key', FIELD_MESSAGES.variableKeyRequired],
      ['variables.1.key', FIELD_MESSAGES.variableKeyDuplicate],
    ]);
  });

  it('requires a size once the organization has one (the API cannot clear it)', () => {
    const required = organizationEditSchema({ sizeRequired: true }).safeParse({
      ...base,
      size: ' ',
    });
    expect(required.error?.issues[0]?.message).toBe(FIELD_MESSAGES.sizeRequired);
    expect(schema.safeParse({ ...base, size: '' }).success).toBe(true);
  });
});

describe('request bodies', () => {
  const organization = {
    id: 'org-1',
    name: '  Acme  ',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    email: 'not an email',
    size: 10,
    address: { street: 'Main', location: 'Berlin' },
    variables: { plan: 'Gold', __proto__: 'kept' } as Record<string, string>,
  };
  // A literal `__proto__:` sets the prototype; define it as data, as JSON.parse would.
  Object.defineProperty(organization.variables, '__proto__', {
    value: 'kept',
    enumerable: true,
    configurable: true,
    writable: true,
  });
  const initial = formValuesFromOrganization(organization);

  it('sends only changed fields, the whole address when one part changed, and always variables', () => {
    const edited = {
      ...initial,
      email: 'sales@acme.example',
      address: { ...initial.address, zipcode: '10115' },
    };
    const output = organizationEditSchema({ sizeRequired: true }).parse(edited);
    expect(updateRequestFromForm(output, initial, 'changed')).toEqual({
      email: 'sales@acme.example',
      address: {
        street: 'Main',
        houseNumber: '',
        zipcode: '10115',
        location: 'Berlin',
        country: '',
      },
      variables: { plan: 'Gold', ['__proto__']: 'kept' },
    });
    expect(Object.keys(updateRequestFromForm(output, initial, 'changed').variables)).toContain(
      '__proto__',
    );
  });

  it('does not rewrite an untouched name whose only difference is surrounding space', () => {
    const output = organizationEditSchema({ sizeRequired: true }).parse({ ...initial, email: '' });
    const request = updateRequestFromForm(output, initial, 'changed');
    expect(request).not.toHaveProperty('name');
    expect(request.email).toBe('');
  });

  it('sends every field when overwriting another change', () => {
    const output = organizationEditSchema({ sizeRequired: true }).parse({ ...initial, email: '' });
    expect(updateRequestFromForm(output, initial, 'all')).toEqual({
      name: 'Acme',
      email: '',
      website: '',
      size: 10,
      industry: '',
      address: { street: 'Main', houseNumber: '', zipcode: '', location: 'Berlin', country: '' },
      variables: { plan: 'Gold', ['__proto__']: 'kept' },
    });
  });

  it('builds a flat create body without empty optional fields', () => {
    const output = organizationCreateSchema.parse({
      ...emptyCreateFormValues(),
      name: ' New Co ',
      size: ' 42 ',
      phoneNumber: ' +49 30 1234567 ',
      address: { ...emptyCreateFormValues().address, country: 'Germany' },
    });
    expect(createRequestFromForm(output)).toEqual({
      name: 'New Co',
      size: 42,
      phoneNumber: '+49 30 1234567',
      address: { country: 'Germany' },
    });
  });
});

describe('organizationWithLocalUpdate', () => {
  const stored = {
    id: 'o1',
    name: 'Acme',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-02T00:00:00.000Z',
    email: 'a@acme.example',
    website: 'https://acme.example',
    size: 3,
    address: { street: 'Main', country: 'Germany' },
    variables: { plan: 'Gold' },
  };

  it('applies given fields, clears emptied ones, replaces the address and variables', () => {
    expect(
      organizationWithLocalUpdate(stored, {
        name: 'Acme 2',
        email: '',
        address: { street: '', houseNumber: '', zipcode: '', location: 'Paris', country: '' },
        variables: { tier: 'B' },
      }),
    ).toEqual({
      id: 'o1',
      name: 'Acme 2',
      created: stored.created,
      updated: stored.updated,
      website: 'https://acme.example',
      size: 3,
      address: { location: 'Paris' },
      variables: { tier: 'B' },
    });
  });
});
