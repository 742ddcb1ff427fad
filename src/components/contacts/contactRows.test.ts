import { describe, expect, it } from 'vitest';
import {
  avatarSource,
  contactsShownText,
  initialsOf,
  sortContacts,
  type ContactDto,
} from './contactRows.ts';
import { filterContacts } from './contactFilter.ts';

function contact(id: string, name: string, created: string, extra: Partial<ContactDto> = {}) {
  return { id, name, created, updated: created, variables: {}, organizationIds: [], ...extra };
}

const CONTACTS: ContactDto[] = [
  contact('c1', 'Jürgen Müller', '2024-03-01T00:00:00Z', { email: 'j.mueller@example.de' }),
  contact('c2', 'anna Schmidt', '2024-01-01T00:00:00Z', { telegramId: '@anna_s' }),
  contact('c3', 'Zoë Adams', '2024-02-01T00:00:00Z', { variables: { role: 'Buyer' } }),
];

describe('filterContacts', () => {
  it('matches every word, without case or diacritics, across fields', () => {
    expect(filterContacts(CONTACTS, 'muller').map((c) => c.id)).toEqual(['c1']);
    expect(filterContacts(CONTACTS, 'ANNA_S').map((c) => c.id)).toEqual(['c2']);
    expect(filterContacts(CONTACTS, 'buyer zoe').map((c) => c.id)).toEqual(['c3']);
    expect(filterContacts(CONTACTS, 'buyer anna')).toEqual([]);
    expect(filterContacts(CONTACTS, '  ')).toHaveLength(3);
  });
});

describe('sortContacts', () => {
  it('sorts by name ignoring case, and by created either way', () => {
    expect(sortContacts(CONTACTS, 'name-asc').map((c) => c.id)).toEqual(['c2', 'c1', 'c3']);
    expect(sortContacts(CONTACTS, 'name-desc').map((c) => c.id)).toEqual(['c3', 'c1', 'c2']);
    expect(sortContacts(CONTACTS, 'created-desc').map((c) => c.id)).toEqual(['c1', 'c3', 'c2']);
    expect(sortContacts(CONTACTS, 'created-asc').map((c) => c.id)).toEqual(['c2', 'c3', 'c1']);
  });
});

describe('initialsOf and avatarSource', () => {
  it('takes initials from letters only', () => {
    expect(initialsOf('Jürgen Müller')).toBe('JM');
    expect(initialsOf('<img src=x onerror=alert(1)>')).toBe('IS');
    expect(initialsOf('株式会社サンプル')).toBe('株');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('🚀')).toBe('?');
  });

  it('loads only absolute http(s) avatars', () => {
    expect(avatarSource('https://cdn.example/a.png')).toBe('https://cdn.example/a.png');
    expect(avatarSource('not-a-url')).toBeUndefined();
    expect(avatarSource('http://')).toBeUndefined();
    expect(avatarSource('javascript:alert(1)')).toBeUndefined();
  });
});

describe('contactsShownText', () => {
  it('says how many are listed, and of how many when the filter leaves out some', () => {
    expect(contactsShownText(1, 1)).toBe('1 contact');
    expect(contactsShownText(1200, 1200)).toBe('1,200 contacts');
    expect(contactsShownText(0, 1)).toBe('0 of 1 contact');
    expect(contactsShownText(3, 1200)).toBe('3 of 1,200 contacts');
  });
});
