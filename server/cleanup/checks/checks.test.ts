import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json';
import type { OrganizationDto } from '../../sandbox/types.ts';
import { CHECK_NAMES, CHECKS } from './catalogue.ts';
import { resolveCountry } from './country.ts';
import { emailDomain, nameKey, websiteDomain } from './fold.ts';
import { groupFindings, groupFindingStillHolds, profileOf } from './group-checks.ts';
import { checkRecord, emailFix, websiteFix } from './record-checks.ts';
import { hasControlCharacters, hasMarkup, withoutMarkupOrControl } from './text-rules.ts';

function org(fields: Partial<OrganizationDto> & { id?: string }): OrganizationDto {
  return {
    id: fields.id ?? 'org-1',
    name: 'Acme',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    email: 'info@acme.com',
    website: 'https://acme.com',
    industry: 'Software',
    address: { country: 'Germany' },
    variables: {},
    ...fields,
  };
}

const checksOf = (organization: OrganizationDto) =>
  checkRecord(organization).map((finding) => `${finding.check}:${finding.field}`);

describe('record checks', () => {
  it('finds nothing wrong with a clean record', () => {
    expect(checkRecord(org({ size: 25 }))).toEqual([]);
  });

  it('names missing fields (blank counts as missing)', () => {
    const found = checksOf(
      org({ name: ' ', email: undefined, website: '', industry: undefined, address: {} }),
    );
    expect(found).toEqual([
      'missingName:name',
      'missingEmail:email',
      'missingWebsite:website',
      'missingCountry:address.country',
      'missingIndustry:industry',
    ]);
  });

  it('finds invalid e-mails and suggests the clear fixes', () => {
    expect(emailFix('info(at)acme.com')).toBe('info@acme.com');
    expect(emailFix('info @ acme.com')).toBe('info@acme.com');
    expect(emailFix('info@@acme.com')).toBe('info@acme.com');
    expect(emailFix('info@acme.com.')).toBe('info@acme.com');
    expect(emailFix('n/a')).toBeUndefined();
    expect(emailFix('info@acme')).toBeUndefined();
    const [finding] = checkRecord(org({ email: 'sales(at)acme.com' }));
    expect(finding).toEqual({
      check: 'invalidEmail',
      field: 'email',
      value: 'sales(at)acme.com',
      fix: 'sales@acme.com',
    });
    expect(checksOf(org({ email: 'INFO@ACME.COM' }))).toEqual([]);
  });

  it('finds websites without a scheme (fix: https://) and ones that are no URL', () => {
    expect(websiteFix('www.acme.com')).toBe('https://www.acme.com');
    expect(websiteFix('acme.com/')).toBe('https://acme.com/');
    expect(websiteFix('javascript:alert(1)')).toBeUndefined();
    expect(websiteFix('not a site')).toBeUndefined();
    expect(checksOf(org({ website: 'acme.com' }))).toEqual(['invalidWebsite:website']);
    expect(checksOf(org({ website: 'HTTPS://WWW.ACME.COM' }))).toEqual([]);
  });

  it('finds sizes that are not whole numbers ≥ 0, with a rounded fix', () => {
    expect(checkRecord(org({ size: 2.5 }))).toEqual([
      { check: 'invalidSize', field: 'size', value: 2.5, fix: 3 },
    ]);
    expect(checkRecord(org({ size: -4 }))[0]?.fix).toBe(0);
    expect(checkRecord(org({ size: 0 }))).toEqual([]);
  });

  it('finds markup and control characters in any field, with a cleaned fix', () => {
    expect(hasMarkup('<b>Acme</b>')).toBe(true);
    expect(hasMarkup('Fish & Chips <3')).toBe(false);
    expect(hasMarkup('&lt;b&gt;')).toBe(true);
    expect(hasControlCharacters('Zero\u200bwidth')).toBe(true);
    expect(hasControlCharacters('Right\u202eto-left')).toBe(true);
    expect(hasControlCharacters('Müller & Söhne')).toBe(false);
    expect(withoutMarkupOrControl('Tab\tand\nnewline')).toBe('Tab and newline');
    const found = checkRecord(
      org({ name: '<b>Acme</b>', address: { country: 'Germany', street: 'Main\u0000St' } }),
    );
    expect(found).toEqual([
      { check: 'markupOrControl', field: 'name', value: '<b>Acme</b>', fix: 'Acme' },
      {
        check: 'markupOrControl',
        field: 'address.street',
        value: 'Main\u0000St',
        fix: 'MainSt',
      },
    ]);
  });

  it('finds leading or trailing spaces in every text field, variables too', () => {
    expect(
      checksOf(org({ name: ' Acme', industry: 'Software ', variables: { plan: 'pro ' } })),
    ).toEqual([
      'surroundingSpaces:name',
      'surroundingSpaces:industry',
      'surroundingSpaces:variables.plan',
    ]);
  });

  it('finds names over 120 characters (counted as characters, not UTF-16 units)', () => {
    expect(checksOf(org({ name: 'x'.repeat(121) }))).toEqual(['longName:name']);
    expect(checksOf(org({ name: 'x'.repeat(120) }))).toEqual([]);
    expect(checksOf(org({ name: '🚀'.repeat(100) }))).toEqual([]);
  });

  it('resolves countries through Intl.DisplayNames, in many languages and as codes', () => {
    for (const text of ['DE', 'de', 'Deutschland', 'Allemagne', 'germany', 'Germany']) {
      expect(resolveCountry(text)?.name).toBe('Germany');
    }
    expect(resolveCountry('UK')?.name).toBe('United Kingdom');
    expect(resolveCountry('The Netherlands')?.name).toBe('Netherlands');
    expect(resolveCountry('España')?.name).toBe('Spain');
    expect(resolveCountry('日本')?.name).toBe('Japan');
    expect(resolveCountry('Atlantis')).toBeUndefined();
    expect(checkRecord(org({ address: { country: 'Deutschland' } }))).toEqual([
      { check: 'countryVariant', field: 'address.country', value: 'Deutschland', fix: 'Germany' },
    ]);
  });

  it('survives every hostile string in every field, and explains every check', () => {
    for (const text of hostileStrings as string[]) {
      const record = org({
        name: text,
        email: text,
        website: text,
        industry: text,
        address: { street: text, country: text, location: text },
        variables: { [text]: text },
      });
      const findings = checkRecord(record);
      for (const finding of findings) expect(CHECK_NAMES).toContain(finding.check);
      if (text.trim() !== '') {
        expect(findings.map((f) => f.check)).toContain('invalidEmail');
        expect(findings.map((f) => f.check)).toContain('invalidWebsite');
      }
      expect(() =>
        groupFindings([profileOf(record), profileOf({ ...record, id: 'b' })]),
      ).not.toThrow();
    }
    for (const check of CHECK_NAMES) {
      expect(CHECKS[check].explanation.length).toBeGreaterThan(10);
      expect(CHECKS[check].explanation).not.toContain('\n');
    }
  });
});

describe('likely duplicates and industry variants', () => {
  it('folds names: case, accents, legal forms, & and "und"', () => {
    expect(nameKey('Bergmann Logistik GmbH')).toBe('bergmann logistik');
    expect(nameKey('BERGMANN LOGISTIK G.m.b.H.')).toBe('bergmann logistik');
    expect(nameKey('Summit Software, Inc.')).toBe('summit software');
    expect(nameKey('Thames Freight Limited')).toBe('thames freight');
    expect(nameKey('Acme LLC')).toBe('acme');
    expect(nameKey('Nestlé S.A.')).toBe('nestle');
    expect(nameKey('Siemens AG')).toBe('siemens');
    expect(nameKey('Müller und Söhne GmbH')).toBe(nameKey('Mueller & Soehne GmbH'));
    expect(nameKey('GmbH')).toBe('');
  });

  it('reduces websites and e-mails to their domain; free-mail is no company', () => {
    expect(websiteDomain('https://www.acme.com/en/home?ref=crm')).toBe('acme.com');
    expect(websiteDomain('HTTP://WWW.ACME.COM')).toBe('acme.com');
    expect(websiteDomain('acme.com:8080')).toBe('acme.com');
    expect(websiteDomain('javascript:alert(1)')).toBe('');
    expect(emailDomain('Info@Acme.com')).toBe('acme.com');
    expect(emailDomain('someone@gmail.com')).toBe('');
    expect(emailDomain('no address')).toBe('');
  });

  it('groups records with the reason each group was formed', () => {
    const records = [
      org({ id: 'a', name: 'Acme GmbH', website: 'https://www.acme.de', email: 'a@gmail.com' }),
      org({ id: 'b', name: 'ACME', website: 'acme.de/kontakt', email: 'b@gmail.com' }),
      org({ id: 'c', name: 'Other', website: 'https://other.de', email: 'x@other.de' }),
      org({ id: 'd', name: 'Other Two', website: 'https://two.de', email: 'y@other.de' }),
    ];
    const findings = groupFindings(records.map(profileOf));
    const by = (check: string) =>
      findings
        .filter((f) => f.check === check)
        .map((f) => `${f.recordId}:${f.reason}`)
        .sort();
    expect(by('duplicateName')).toEqual([
      'a:Same name once case, accents and legal forms are ignored: “acme”.',
      'b:Same name once case, accents and legal forms are ignored: “acme”.',
    ]);
    expect(by('duplicateWebsite')).toEqual([
      'a:Same website domain: acme.de.',
      'b:Same website domain: acme.de.',
    ]);
    expect(by('duplicateEmailDomain')).toEqual([
      'c:Same e-mail domain: @other.de.',
      'd:Same e-mail domain: @other.de.',
    ]);
  });

  it('finds industry case variants and suggests the most used spelling', () => {
    const records = ['Software', 'Software', 'software', 'Software ', 'Retail'].map((industry, i) =>
      org({ id: `r${i}`, industry }),
    );
    const findings = groupFindings(records.map(profileOf)).filter(
      (f) => f.check === 'industryVariant',
    );
    expect(findings.map((f) => [f.recordId, f.value, f.fix])).toEqual([
      ['r2', 'software', 'Software'],
      ['r3', 'Software ', 'Software'],
    ]);
    const variant = findings[0]!;
    expect(groupFindingStillHolds(variant, org({ industry: 'software' }))).toBe(true);
    expect(groupFindingStillHolds(variant, org({ industry: 'Software' }))).toBe(false);
  });

  it('a write takes a record out of a duplicate group it no longer belongs to', () => {
    const [finding] = groupFindings([profileOf(org({ id: 'a' })), profileOf(org({ id: 'b' }))]);
    expect(finding?.check).toBe('duplicateName');
    expect(groupFindingStillHolds(finding!, org({ name: 'ACME Inc.' }))).toBe(true);
    expect(groupFindingStillHolds(finding!, org({ name: 'Zenith' }))).toBe(false);
  });
});

describe('a duplicate kept by a merge', () => {
  const base = { created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
  const acme = (id: string, variables: Record<string, string> = {}) => ({
    ...base,
    id,
    name: 'Acme GmbH',
    variables,
  });

  it('is no longer grouped as a duplicate once marked duplicateOf', () => {
    const records = [acme('a'), acme('b', { duplicateOf: 'a' }), acme('c')];
    const names = groupFindings(records.map(profileOf)).filter((f) => f.check === 'duplicateName');
    expect(names.map((f) => f.recordId).sort()).toEqual(['a', 'c']);
    const alone = groupFindings([acme('a'), acme('b', { duplicateOf: 'a' })].map(profileOf));
    expect(alone.filter((f) => f.check === 'duplicateName')).toEqual([]);
  });

  it('leaves its group at once when a write marks it', () => {
    const [finding] = groupFindings([acme('a'), acme('b')].map(profileOf));
    expect(groupFindingStillHolds(finding!, acme('b'))).toBe(true);
    expect(groupFindingStillHolds(finding!, acme('b', { duplicateOf: 'a' }))).toBe(false);
  });
});
