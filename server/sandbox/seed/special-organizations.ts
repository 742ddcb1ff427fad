import hostileStrings from '../../../fixtures/hostile-strings.json';
import { idFrom } from '../ids.ts';
import type { OrganizationDto } from '../types.ts';
import { COUNTRIES, type CountryProfile } from './countries.ts';
import type { Random } from './random.ts';
import { SEED_END_MS, SEED_START_MS, type SeedOrganization } from './seed-types.ts';
import { iso, timestampBetween } from './text.ts';

export const HOSTILE_STRINGS: readonly string[] = hostileStrings;
export const NORTHWIND_NAME = 'Northwind Traders';
/** The organization with hundreds of contacts: enough to make an unpaged list heavy. */
export const NORTHWIND_CONTACTS = 520;

function country(name: string): CountryProfile {
  const found = COUNTRIES.find((profile) => profile.country === name);
  if (!found) throw new Error(`no country profile "${name}"`);
  return found;
}

export function northwindTraders(random: Random): SeedOrganization {
  return {
    organization: {
      id: idFrom(random.below),
      name: NORTHWIND_NAME,
      created: '2021-06-01T08:15:42.317Z',
      updated: '2025-11-20T10:01:02.345Z',
      email: 'orders@northwindtraders.com',
      website: 'https://www.northwindtraders.com',
      size: 850,
      industry: 'Food & Beverage',
      address: {
        street: 'Market Street',
        houseNumber: '1200',
        zipcode: '98101',
        location: 'Seattle',
        country: 'United States',
      },
      variables: {
        customerId: 'CUS-000001',
        plan: 'Enterprise',
        accountManager: 'Anna Schmidt',
        tier: 'A',
      },
    },
    phoneNumber: '+1 206 555 0100',
    country: country('United States'),
    domain: 'northwindtraders.com',
  };
}

/**
 * One organization per hostile string, carrying it in every field the contract lets a client
 * write (name, email, website, industry, each address field, a variable key and value). An
 * empty string appears where the API keeps it as given (name, variables) and nowhere the API
 * would treat it as "no value".
 */
export function hostileOrganizations(random: Random): SeedOrganization[] {
  return HOSTILE_STRINGS.map((text) => {
    const createdMs = timestampBetween(random, SEED_START_MS, SEED_END_MS);
    const organization: OrganizationDto = {
      id: idFrom(random.below),
      name: text,
      created: iso(createdMs),
      updated: iso(createdMs),
      variables: Object.fromEntries([
        [text, text],
        ['note', text],
      ]),
    };
    if (text !== '') {
      organization.email = text;
      organization.website = text;
      organization.industry = text;
      organization.address = {
        street: text,
        houseNumber: text,
        zipcode: text,
        location: text,
        country: text,
      };
    }
    const seeded: SeedOrganization = { organization, country: country('Germany') };
    if (text !== '') seeded.phoneNumber = text;
    return seeded;
  });
}
