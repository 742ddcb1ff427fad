import { idFrom } from '../ids.ts';
import type { StoredContact } from '../db/contact-store.ts';
import type { AddressDto } from '../types.ts';
import { phoneNumber } from './organizations.ts';
import type { Random } from './random.ts';
import { SEED_END_MS, type SeedOrganization } from './seed-types.ts';
import { asciiSlug, digits, iso, timestampBetween } from './text.ts';

const ROLES = ['CEO', 'CTO', 'Head of Sales', 'Buyer', 'Office Manager', 'Support Lead', 'Intern'];
const LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'nl', 'ja', 'ar', 'he'];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'web.de', 'yahoo.fr', 'icloud.com'];
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** Chance that a contact slot of an organization goes to a person already known elsewhere. */
const SHARED_CONTACT_SHARE = 0.06;

/** What the seed writes for the people of one organization. */
export type ContactRecord =
  | { kind: 'contact'; contact: StoredContact; organizationId: string }
  | { kind: 'link'; contactId: string; organizationId: string };

/**
 * Creates the contacts of one organization as the seed streams: the ordinary spread (many
 * organizations have none), hundreds for Northwind Traders, and now and then a person already
 * known from an earlier organization (a freelancer, a consultant, someone who changed jobs),
 * who is then listed by both. `knownContactIds` collects every contact id for that purpose.
 */
export function* contactsOf(
  random: Random,
  employer: SeedOrganization,
  count: number,
  knownContactIds: string[],
): Generator<ContactRecord> {
  const organizationId = employer.organization.id;
  const linked = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (knownContactIds.length > 0 && random.chance(SHARED_CONTACT_SHARE)) {
      const contactId = random.pick(knownContactIds);
      if (!linked.has(contactId)) {
        linked.add(contactId);
        yield { kind: 'link', contactId, organizationId };
        continue;
      }
    }
    const contact = personAt(random, employer);
    knownContactIds.push(contact.id);
    linked.add(contact.id);
    yield { kind: 'contact', contact, organizationId };
  }
}

/** The spread of an ordinary organization's contacts: 45% none, ~1.5 on average. */
const CONTACT_COUNTS = [
  [45, 0],
  [20, 1],
  [12, 2],
  [9, 3],
  [6, 4],
  [4, 5],
  [4, 'many'],
] as const;

export function ordinaryContactCount(random: Random): number {
  const count = random.weighted(CONTACT_COUNTS);
  return count === 'many' ? random.int(6, 10) : count;
}

function personAt(random: Random, employer: SeedOrganization): StoredContact {
  const { country } = employer;
  const first = random.pick(country.firstNames);
  const last = random.pick(country.lastNames);
  const createdMs = timestampBetween(
    random,
    Date.parse(employer.organization.created),
    Math.min(SEED_END_MS, Date.parse(employer.organization.created) + ONE_YEAR_MS),
  );
  const id = idFrom(random.below);
  const contact: StoredContact = {
    id,
    name: random.chance(0.03) ? first : `${first} ${last}`,
    created: iso(createdMs),
    updated: iso(random.chance(0.5) ? createdMs : timestampBetween(random, createdMs, SEED_END_MS)),
    variables: personVariables(random),
  };
  const mailbox = `${asciiSlug(first) || 'kontakt'}.${asciiSlug(last) || digits(random, 4)}`;
  if (random.chance(0.8)) {
    const domain = employer.domain && random.chance(0.7) ? employer.domain : random.pick(FREE_MAIL);
    contact.email = random.chance(0.04) ? `${mailbox}@` : `${mailbox}@${domain}`;
  }
  const phone = random.chance(0.7) ? phoneNumber(random, country) : undefined;
  if (phone) contact.phoneNumber = phone;
  if (phone && random.chance(0.4)) contact.whatsappId = phone.replace(/\D/g, '');
  if (random.chance(0.15)) contact.telegramId = `@${mailbox.replace('.', '_')}`;
  if (random.chance(0.1)) contact.facebookId = digits(random, 15);
  if (random.chance(0.15)) contact.instagramId = mailbox.replace('.', '');
  if (random.chance(0.25)) contact.avatar = avatarUrl(random, id, contact.name);
  if (random.chance(0.2)) contact.address = personAddress(random, employer);
  return contact;
}

function personVariables(random: Random): Record<string, string> {
  const entries: [string, string][] = [];
  if (random.chance(0.6)) entries.push(['role', random.pick(ROLES)]);
  if (random.chance(0.5)) entries.push(['language', random.pick(LANGUAGES)]);
  if (random.chance(0.3)) entries.push(['newsletter', random.pick(['yes', 'no'])]);
  return Object.fromEntries(entries);
}

/** Most avatars load (generated initials, no real person's picture); some point nowhere. */
const AVATAR_FORMS = [
  [80, 'initials'],
  [8, 'missing'],
  [6, 'deleted'],
  [4, 'not-a-url'],
  [2, 'no-host'],
] as const;

function avatarUrl(random: Random, id: string, name: string): string {
  switch (random.weighted(AVATAR_FORMS)) {
    case 'initials':
      return `https://api.dicebear.com/9.x/initials/svg?seed=${encodeURIComponent(name)}`;
    case 'missing':
      return `https://avatars.example.invalid/${id}.png`;
    case 'deleted':
      return 'https://cdn.chatcaptain.invalid/avatars/deleted.jpg';
    case 'not-a-url':
      return 'not-a-url';
    case 'no-host':
      return 'http://';
  }
}

function personAddress(random: Random, employer: SeedOrganization): AddressDto {
  const { country } = employer;
  return {
    street: random.pick(country.streets),
    houseNumber: String(random.int(1, 200)),
    location: random.pick(country.cities),
    country: country.country,
  };
}

/** A contact carrying one hostile string in every field, for the organization carrying it too. */
export function hostileContact(
  random: Random,
  employer: SeedOrganization,
  text: string,
): StoredContact {
  const createdMs = Date.parse(employer.organization.created);
  const contact: StoredContact = {
    id: idFrom(random.below),
    name: text,
    created: iso(createdMs),
    updated: iso(createdMs),
    variables: Object.fromEntries([[text, text]]),
  };
  if (text !== '') {
    contact.email = text;
    contact.phoneNumber = text;
    contact.whatsappId = text;
    contact.telegramId = text;
    contact.facebookId = text;
    contact.instagramId = text;
    contact.avatar = text;
    contact.address = {
      street: text,
      houseNumber: text,
      zipcode: text,
      location: text,
      country: text,
    };
  }
  return contact;
}
