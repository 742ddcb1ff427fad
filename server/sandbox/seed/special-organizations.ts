import hostileStrings from '../../../fixtures/hostile-strings.json';
import { idFrom } from '../ids.ts';
import type { OrganizationDto } from '../types.ts';
import { COUNTRIES, type CountryProfile } from './countries.ts';
import type { Random } from './random.ts';
import { plant, SEED_END_MS, SEED_START_MS, type SeedOrganization } from './seed-types.ts';
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
    plantHostile(seeded, text);
    return seeded;
  });
}

// What each hostile string is, for the data-quality checks (written out here, not derived with
// the checks' own rules, so that a test can compare the two): markup or control characters,
// spaces around it, over 120 characters. Every other hostile string is none of these.
const HOSTILE_MARKUP_OR_CONTROL = new Set([
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.domain)</script>',
  '<svg/onload=alert(1)>',
  'data:text/html,<script>alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  '<mark>fake highlight</mark>',
  '</mark><img src=x onerror=alert(1)><mark>',
  '&lt;b&gt;escaped&lt;/b&gt; &amp; &quot;quoted&quot;',
  'Zero\u200bwidth\u200bjoiner',
  'Right\u202eto-left override',
  'Tab\tand\nnewline\r\nname',
  '\u0000nul byte',
  '<style>body{display:none}</style>',
  '<iframe src=//example.invalid></iframe>',
]);
const HOSTILE_SPACES = new Set([' javascript:alert(1)', '   leading and trailing spaces   ']);
/**
 * One industry written three ways (case, a leading space): the check keeps one spelling (of the
 * two equally common clean ones, the first in code-point order) and asks to change the others.
 */
const HOSTILE_INDUSTRY_VARIANTS = new Set(['javascript:alert(1)', ' javascript:alert(1)']);

function plantHostile(seeded: SeedOrganization, text: string): void {
  if (text === '') {
    plant(seeded, 'name', 'missingName');
    plant(seeded, 'email', 'missingEmail');
    plant(seeded, 'website', 'missingWebsite');
    plant(seeded, 'industry', 'missingIndustry');
    plant(seeded, 'address.country', 'missingCountry');
    return;
  }
  plant(seeded, 'email', 'invalidEmail');
  plant(seeded, 'website', 'invalidWebsite');
  if ([...text].length > 120) plant(seeded, 'name', 'longName');
  if (HOSTILE_INDUSTRY_VARIANTS.has(text)) plant(seeded, 'industry', 'industryVariant');
  const fields = [
    'name',
    'email',
    'website',
    'industry',
    'address.street',
    'address.houseNumber',
    'address.zipcode',
    'address.location',
    'address.country',
    `variables.${text}`,
    'variables.note',
  ];
  for (const field of new Set(fields)) {
    if (HOSTILE_MARKUP_OR_CONTROL.has(text)) plant(seeded, field, 'markupOrControl');
    if (HOSTILE_SPACES.has(text)) plant(seeded, field, 'surroundingSpaces');
  }
}

// The known duplicates' planted mess: websites written without a scheme, e-mails broken on
// purpose or with a space after them; none has an industry or an address.
const KNOWN_BROKEN_EMAILS = new Set(['hello@summitsoftware', 'info@müller-söhne.de']);

/**
 * Companies entered several times, the way cleanup finds them: the same firm with its legal form
 * spelled differently, in capitals or lower case, with and without `www.` or a scheme. A fixed
 * set, so that every seed (also a small one) has duplicates to find.
 */
const DUPLICATE_CLUSTERS: readonly (readonly (readonly [string, string, string])[])[] = [
  [
    ['Bergmann Logistik GmbH', 'https://www.bergmann-logistik.de', 'info@bergmann-logistik.de'],
    ['Bergmann Logistik Gmbh', 'bergmann-logistik.de', 'info@bergmann-logistik.de'],
    ['BERGMANN LOGISTIK GMBH', 'www.bergmann-logistik.de', 'INFO@BERGMANN-LOGISTIK.DE'],
    ['Bergmann Logistik G.m.b.H.', 'http://bergmann-logistik.de/', 'kontakt@bergmann-logistik.de'],
  ],
  [
    ['Thames Freight Ltd', 'https://www.thamesfreight.co.uk', 'sales@thamesfreight.co.uk'],
    ['Thames Freight Limited', 'https://thamesfreight.co.uk', 'sales@thamesfreight.co.uk'],
    ['thames freight ltd.', 'thamesfreight.co.uk', 'sales@thamesfreight.co.uk '],
  ],
  [
    ['Summit Software Inc.', 'https://www.summitsoftware.com', 'hello@summitsoftware.com'],
    ['Summit Software, Inc.', 'www.summitsoftware.com', 'hello@summitsoftware.com'],
    ['Summit  Software Inc', 'summitsoftware.com', 'hello@summitsoftware'],
  ],
  [
    ['Müller & Söhne GmbH', 'https://www.mueller-soehne.de', 'info@mueller-soehne.de'],
    ['Mueller & Soehne GmbH', 'mueller-soehne.de', 'info@mueller-soehne.de'],
    ['Müller und Söhne GmbH', 'https://mueller-soehne.de', 'info@müller-söhne.de'],
  ],
];

export function knownDuplicates(random: Random): SeedOrganization[] {
  return DUPLICATE_CLUSTERS.flatMap((cluster, clusterIndex) =>
    cluster.map(([name, website, email]) => {
      const createdMs = timestampBetween(random, SEED_START_MS, SEED_END_MS);
      const organization: OrganizationDto = {
        id: idFrom(random.below),
        name,
        created: iso(createdMs),
        updated: iso(createdMs),
        website,
        email,
        variables: { customerId: `CUS-${String(900_001 + clusterIndex)}` },
      };
      const seeded: SeedOrganization = {
        organization,
        country: country(clusterIndex === 1 ? 'United Kingdom' : 'Germany'),
        duplicateCluster: clusterIndex,
      };
      if (!/^https?:\/\//.test(website)) plant(seeded, 'website', 'invalidWebsite');
      if (KNOWN_BROKEN_EMAILS.has(email)) plant(seeded, 'email', 'invalidEmail');
      if (email !== email.trim()) plant(seeded, 'email', 'surroundingSpaces');
      plant(seeded, 'industry', 'missingIndustry');
      plant(seeded, 'address.country', 'missingCountry');
      return seeded;
    }),
  );
}
