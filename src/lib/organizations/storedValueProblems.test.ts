import { describe, expect, it } from 'vitest';
import { emptyCreateFormValues, type OrganizationFormValues } from './organizationForm.ts';
import { storedValueProblems } from './storedValueProblems.ts';

function stored(changes: Partial<OrganizationFormValues>): OrganizationFormValues {
  const { phoneNumber: _phone, ...values } = emptyCreateFormValues();
  return { ...values, name: 'Acme', ...changes };
}

describe('storedValueProblems', () => {
  it('finds nothing wrong with acceptable or empty values', () => {
    expect(
      storedValueProblems(
        stored({ email: 'a@b.example', website: 'https://b.example', size: '3' }),
        true,
      ),
    ).toEqual([]);
    expect(storedValueProblems(stored({}), false)).toEqual([]);
  });

  it.each([
    ['www.acme.example', 'https://www.acme.example'],
    ['acme.example/path', 'https://acme.example/path'],
  ])('offers https:// for the website %s', (website, fixed) => {
    expect(storedValueProblems(stored({ website }), false)).toEqual([
      {
        field: 'website',
        message: 'The stored web address has no http:// or https://.',
        fix: { label: 'Add https://', value: fixed },
      },
    ]);
  });

  it('offers no fix for a website that https:// would not make valid', () => {
    expect(storedValueProblems(stored({ website: 'javascript:alert(1)' }), false)).toEqual([
      { field: 'website', message: 'The stored web address is not a valid http(s) address.' },
    ]);
  });

  it.each([
    ['info(at)acme.example', 'info@acme.example'],
    ['info @ acme.example', 'info@acme.example'],
    ['info@@acme.example', 'info@acme.example'],
    ['info@acme.example.', 'info@acme.example'],
    ['mailto:info@acme.example', 'info@acme.example'],
  ])('offers a corrected email for %s', (email, fixed) => {
    const [problem] = storedValueProblems(stored({ email }), false);
    expect(problem?.fix).toEqual({ label: `Change to ${fixed}`, value: fixed });
  });

  it('names an email with no clear correction without a fix', () => {
    expect(storedValueProblems(stored({ email: 'n/a' }), false)).toEqual([
      { field: 'email', message: 'The stored email is not a valid email address.' },
    ]);
  });

  it.each([
    ['0.5', '1'],
    ['2.5', '3'],
    ['12.4', '12'],
  ])('offers to round the size %s to %s', (size, rounded) => {
    const [problem] = storedValueProblems(stored({ size }), true);
    expect(problem).toMatchObject({ field: 'size', fix: { value: rounded } });
  });
});
