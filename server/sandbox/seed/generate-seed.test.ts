import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json';
import type { StoredContact } from '../db/contact-store.ts';
import type { OrganizationDto } from '../types.ts';
import { generateSeed } from './generate-seed.ts';
import { importRunLengths } from './import-batch.ts';
import { createRandom } from './random.ts';

interface Collected {
  organizations: OrganizationDto[];
  contacts: StoredContact[];
  links: { contactId: string; organizationId: string }[];
}

function collect(count: number): Collected {
  const collected: Collected = { organizations: [], contacts: [], links: [] };
  for (const record of generateSeed(count)) {
    if (record.kind === 'organization') collected.organizations.push(record.seeded.organization);
    else if (record.kind === 'contact') {
      collected.contacts.push(record.contact);
      collected.links.push({ contactId: record.contact.id, organizationId: record.organizationId });
    } else
      collected.links.push({ contactId: record.contactId, organizationId: record.organizationId });
  }
  return collected;
}

const seed = collect(5000);
describe('generateSeed', () => {
  it('writes the same records on every run', () => {
    const again = collect(5000);
    expect(JSON.stringify(again)).toBe(JSON.stringify(seed));
    expect(JSON.stringify(collect(300))).toBe(JSON.stringify(collect(300)));
  });

  it('writes as many organizations as asked, with unique ids', () => {
    expect(seed.organizations).toHaveLength(5000);
    expect(new Set(seed.organizations.map((o) => o.id)).size).toBe(5000);
    expect(collect(10).organizations).toHaveLength(10);
    expect(collect(0).organizations).toHaveLength(0);
  });

  it('uses every hostile string in names, emails, websites, industries, addresses, variables and contacts', () => {
    for (const text of hostileStrings) {
      const label = JSON.stringify(text).slice(0, 40);
      expect(
        seed.organizations.some((o) => o.name === text),
        label,
      ).toBe(true);
      expect(
        seed.organizations.some((o) => Object.hasOwn(o.variables, text)),
        label,
      ).toBe(true);
      expect(
        seed.organizations.some((o) => Object.values(o.variables).includes(text)),
        label,
      ).toBe(true);
      expect(
        seed.contacts.some((c) => c.name === text),
        label,
      ).toBe(true);
      if (text === '') continue;
      expect(
        seed.organizations.some((o) => o.email === text),
        label,
      ).toBe(true);
      expect(
        seed.organizations.some((o) => o.website === text),
        label,
      ).toBe(true);
      expect(
        seed.organizations.some((o) => o.industry === text),
        label,
      ).toBe(true);
      expect(
        seed.organizations.some((o) => o.address?.street === text),
        label,
      ).toBe(true);
      expect(
        seed.contacts.some((c) => c.email === text && c.avatar === text),
        label,
      ).toBe(true);
    }
  });

  it('holds the mess cleanup meets', () => {
    const names = seed.organizations.map((o) => o.name);
    const byFolded = new Map<string, Set<string>>();
    for (const name of names) {
      const folded = name.toLowerCase().trim();
      byFolded.set(folded, (byFolded.get(folded) ?? new Set()).add(name));
    }
    const caseVariants = [...byFolded.values()].filter((spellings) => spellings.size > 1);
    expect(caseVariants.length).toBeGreaterThan(10);
    expect(names.some((name) => / (Gmbh|G\.m\.b\.H\.|GMBH)$/.test(name))).toBe(true);
    expect(names.some((name) => / (Limited|LTD)$/.test(name))).toBe(true);

    const websites = seed.organizations.flatMap((o) => (o.website ? [o.website] : []));
    expect(websites.some((site) => site.startsWith('www.'))).toBe(true);
    expect(websites.filter((site) => !/^https?:\/\//i.test(site)).length).toBeGreaterThan(100);
    const emails = seed.organizations.flatMap((o) => (o.email ? [o.email] : []));
    expect(
      emails.filter((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)).length,
    ).toBeGreaterThan(50);
    for (const field of ['email', 'website', 'size', 'industry', 'address'] as const) {
      expect(
        seed.organizations.filter((o) => o[field] === undefined).length,
        field,
      ).toBeGreaterThan(500);
    }

    const text = names.join('\n');
    expect(text).toMatch(/[äöüß]/);
    expect(text).toMatch(/[éèçñã]/);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(text).toMatch(/[\u0590-\u05FF]/);
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(names.filter((name) => name.length === 200).length).toBeGreaterThanOrEqual(3);
    expect(new Set(seed.organizations.map((o) => o.address?.country)).size).toBeGreaterThan(30);
    expect(new Set(seed.organizations.map((o) => o.industry)).size).toBeGreaterThan(40);
  });

  it('fills variables and spreads created and updated over years', () => {
    const keys = new Set(seed.organizations.flatMap((o) => Object.keys(o.variables)));
    for (const key of ['customerId', 'plan', 'accountManager', 'tier']) expect(keys).toContain(key);
    const years = new Set(seed.organizations.map((o) => o.created.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(6);
    for (const organization of seed.organizations) {
      expect(organization.created).toBe(new Date(organization.created).toISOString());
      expect(Date.parse(organization.updated)).toBeGreaterThanOrEqual(
        Date.parse(organization.created),
      );
    }
  });

  it('gives about 1.5 contacts per organization: many none, some shared, one with 500+', () => {
    const perOrganization = new Map<string, number>();
    const perContact = new Map<string, number>();
    for (const { contactId, organizationId } of seed.links) {
      perOrganization.set(organizationId, (perOrganization.get(organizationId) ?? 0) + 1);
      perContact.set(contactId, (perContact.get(contactId) ?? 0) + 1);
    }
    const average = seed.links.length / seed.organizations.length;
    expect(average).toBeGreaterThan(1.2);
    expect(average).toBeLessThan(1.8);
    expect(seed.organizations.length - perOrganization.size).toBeGreaterThan(1500);
    expect([...perContact.values()].filter((count) => count > 1).length).toBeGreaterThan(100);
    const northwind = seed.organizations.find((o) => o.name === 'Northwind Traders');
    expect(perOrganization.get(northwind?.id ?? '')).toBeGreaterThanOrEqual(500);

    const contacts = seed.contacts;
    for (const field of [
      'email',
      'phoneNumber',
      'whatsappId',
      'telegramId',
      'facebookId',
      'instagramId',
      'avatar',
    ] as const) {
      expect(
        contacts.filter((contact) => contact[field] !== undefined).length,
        field,
      ).toBeGreaterThan(100);
    }
    expect(contacts.some((contact) => contact.avatar?.includes('.invalid/'))).toBe(true);
  });
});

describe('importRunLengths', () => {
  it.each([1000, 250, 101, 100, 99, 3, 2])(
    'splits %i into runs of 2 to 100, the first of up to 100',
    (size) => {
      for (let seedValue = 1; seedValue <= 20; seedValue++) {
        const runs = importRunLengths(createRandom(seedValue), size);
        expect(runs.reduce((sum, length) => sum + length, 0)).toBe(size);
        for (const length of runs) {
          expect(length).toBeGreaterThanOrEqual(2);
          expect(length).toBeLessThanOrEqual(100);
        }
        if (size >= 102) expect(runs[0]).toBe(100);
      }
    },
  );
});
