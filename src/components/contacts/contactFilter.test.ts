import { describe, expect, it } from 'vitest';
import { editDistance } from '../../lib/search/typoMatch.ts';
import { filterContacts } from './contactFilter.ts';
import { mailtoHref, telHref } from './contactLinks.ts';
import type { ContactDto } from './contactRows.ts';

function contact(id: string, name: string, extra: Partial<ContactDto> = {}): ContactDto {
  const created = '2024-01-01T00:00:00Z';
  return { id, name, created, updated: created, variables: {}, organizationIds: [], ...extra };
}

const CONTACTS: ContactDto[] = [
  contact('schmidt', 'Anna Schmidt', {
    email: 'anna.schmidt@northwindtraders.com',
    phoneNumber: '+1 (206) 555-0100',
  }),
  contact('mueller', 'Jürgen Müller', { email: 'j.mueller@example.de', whatsappId: '4917612345' }),
  contact('adams', 'Zoë Adams', { telegramId: '@zoe_adams', variables: { role: 'Buyer' } }),
];

const ids = (query: string) => filterContacts(CONTACTS, query).map((c) => c.id);

describe('filterContacts', () => {
  it('finds a name, e-mail, channel id or variable typed in part, case and accents aside', () => {
    expect(ids('muller')).toEqual(['mueller']);
    expect(ids('ZOE_AD')).toEqual(['adams']);
    expect(ids('buyer zoe')).toEqual(['adams']);
    expect(ids('northwindtraders.com')).toEqual(['schmidt']);
    expect(ids('4917612')).toEqual(['mueller']);
    expect(ids('  ')).toHaveLength(3);
  });

  it('forgives one typo from 4 letters and two from 8, also in a word typed halfway', () => {
    expect(ids('shmidt')).toEqual(['schmidt']);
    expect(ids('schmdt')).toEqual(['schmidt']);
    expect(ids('anan')).toEqual(['schmidt']); // swapped letters
    expect(ids('jurgne muler')).toEqual(['mueller']);
    expect(ids('nortwindtrad')).toEqual(['schmidt']); // two typos' worth, in a prefix
    expect(ids('nortw')).toEqual(['schmidt']); // partial and misspelt
  });

  it('gives short words no typo and needs every word to match', () => {
    expect(ids('zoa')).toEqual([]);
    expect(ids('buyer anna')).toEqual([]);
    expect(ids('xyzzy')).toEqual([]);
  });

  it('finds a phone number by its digits whatever its spacing', () => {
    expect(ids('2065550100')).toEqual(['schmidt']);
    expect(ids('206-555')).toEqual(['schmidt']);
    expect(ids('+1 206 555 0100')).toEqual(['schmidt']);
  });
});

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and neighbour swaps, stopping past the limit', () => {
    expect(editDistance('schmidt', 'schmidt', 2)).toBe(0);
    expect(editDistance('shmidt', 'schmidt', 2)).toBe(1);
    expect(editDistance('anan', 'anna', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('contact links', () => {
  it('links plausible e-mail addresses and phone numbers only', () => {
    expect(mailtoHref('anna.schmidt@northwindtraders.com')).toBe(
      'mailto:anna.schmidt@northwindtraders.com',
    );
    expect(mailtoHref('info(at)acme.com')).toBeUndefined();
    expect(mailtoHref('javascript:alert(1)//@x.y')).toBeUndefined();
    expect(mailtoHref(undefined)).toBeUndefined();
    expect(telHref('+1 (206) 555-0100')).toBe('tel:+12065550100');
    expect(telHref('030 / 123 45')).toBe('tel:03012345');
    expect(telHref('call reception')).toBeUndefined();
    expect(telHref('12')).toBeUndefined();
  });
});
