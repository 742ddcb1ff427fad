import { idFrom } from '../ids.ts';
import type { AddressDto, OrganizationDto } from '../types.ts';
import { COUNTRIES, type CountryProfile } from './countries.ts';
import { INDUSTRIES, type Industry } from './industries.ts';
import type { Random } from './random.ts';
import { plant, SEED_END_MS, SEED_START_MS, type SeedOrganization } from './seed-types.ts';
import { isColloquialCountryName, standardCountryName } from './planted-names.ts';
import { asciiSlug, digits, fillPattern, iso, timestampBetween } from './text.ts';

const CODED_TAILS = ['ify', 'io', 'ware', 'hub', 'ly', 'tec', 'works', 'loop'];
const EMOJI = ['🚀', '🌱', '☕', '🐟', '⭐', '🍕', '💡', '🏴‍☠️', '👩🏽‍💻'];
const MAIL_BOXES = ['info', 'contact', 'hello', 'sales', 'office', 'kontakt', 'support', 'billing'];
const ACCOUNT_MANAGERS = [
  'Anna Schmidt',
  'James Carter',
  'Léa Martin',
  'Kenji Watanabe',
  'Fatima Haddad',
  'Olu Adeyemi',
  'Zoë Brennan',
];
const PLANS: readonly (readonly [number, string])[] = [
  [30, 'Free'],
  [25, 'Starter'],
  [25, 'Professional'],
  [10, 'Enterprise'],
  [5, 'pro'],
  [5, 'enterprise '],
];
const SOURCES = [
  'HubSpot import 2021',
  'Trade fair Hannover 2023',
  'Website form',
  'Salesforce migration',
  'Partner referral',
];
const LONG_NAME_FILLER =
  ' International Holding, Trading and Services Company for Industrial, Commercial and Maritime Supplies';

/** An ordinary customer record, with the gaps and inconsistencies real CRM data has. */
export function regularOrganization(random: Random, createdMs: number): SeedOrganization {
  const country = random.pick(COUNTRIES);
  const industry = random.pick(INDUSTRIES);
  const { name, slug } = companyName(random, country, industry);
  const domain = slug ? `${slug}.${country.tld}` : undefined;
  const updatedMs = random.chance(0.3)
    ? createdMs
    : timestampBetween(random, createdMs, SEED_END_MS);

  const organization: OrganizationDto = {
    id: idFrom(random.below),
    name,
    created: iso(createdMs),
    updated: iso(updatedMs),
    variables: variables(random, country),
  };
  const seeded: SeedOrganization = { organization, country };
  if (name.length > 120) plant(seeded, 'name', 'longName');
  if (
    organization.variables.plan !== undefined &&
    organization.variables.plan.trim() !== organization.variables.plan
  ) {
    plant(seeded, 'variables.plan', 'surroundingSpaces');
  }
  if (domain && random.chance(0.75)) {
    const made = email(random, domain);
    organization.email = made.value;
    if (made.broken) plant(seeded, 'email', 'invalidEmail');
  } else plant(seeded, 'email', 'missingEmail');
  if (domain && random.chance(0.8)) {
    organization.website = website(random, domain);
    plantWebsite(seeded, organization.website);
  } else plant(seeded, 'website', 'missingWebsite');
  if (random.chance(0.85)) {
    organization.size = size(random);
    if (!Number.isInteger(organization.size)) plant(seeded, 'size', 'invalidSize');
  }
  if (random.chance(0.8)) {
    organization.industry = random.chance(0.85) ? industry.name : random.pick(industry.spellings);
    plantIndustry(seeded, organization.industry, industry.name);
  } else plant(seeded, 'industry', 'missingIndustry');
  if (random.chance(0.75)) organization.address = address(random, country);
  plantCountry(seeded, organization.address?.country, country.country);

  if (domain) seeded.domain = domain;
  if (random.chance(0.6)) seeded.phoneNumber = phoneNumber(random, country);
  return seeded;
}

function companyName(
  random: Random,
  country: CountryProfile,
  industry: Industry,
): { name: string; slug: string } {
  const root = random.pick(country.nameRoots);
  const word = random.pick(industry.words);
  const suffix = random.pick(country.legalSuffixes);
  const slug = asciiSlug(root) || asciiSlug(word);
  const roll = random.next();
  if (roll < 0.002) return { name: longName(`${root} ${word} ${suffix}`), slug };
  if (roll < 0.008) return { name: `${root} ${word} ${random.pick(EMOJI)}`, slug };
  if (roll < 0.4) return { name: `${root} ${word} ${suffix}`, slug: `${slug}-${asciiSlug(word)}` };
  if (roll < 0.55) {
    const partner = random.pick(country.lastNames);
    return { name: `${root} & ${partner} ${suffix}`, slug: `${slug}${asciiSlug(partner)}` };
  }
  if (roll < 0.72) return { name: `${root} ${suffix}`, slug };
  if (roll < 0.82) {
    const city = random.pick(country.cities);
    return { name: `${city} ${word}`, slug: `${asciiSlug(city) || slug}${asciiSlug(word)}` };
  }
  if (asciiSlug(root) === root.toLowerCase()) {
    const tail = random.pick(CODED_TAILS);
    return { name: `${root}${tail} ${suffix}`, slug: `${slug}${tail}` };
  }
  return { name: `${root} ${word}`, slug };
}

/** Exactly 200 characters: the longest legal names old registries hold. */
function longName(start: string): string {
  let name = start;
  while (name.length < 200) name += LONG_NAME_FILLER;
  return `${name.slice(0, 199).trimEnd().padEnd(199, '.')}.`;
}

/** The seed's own record of what it planted, field by field (seed-types.ts, `plant`). */
function plantWebsite(seeded: SeedOrganization, website: string): void {
  delete seeded.planted?.website;
  if (website === '') plant(seeded, 'website', 'missingWebsite');
  // The forms written without http:// or https:// (the shouting one has its scheme, in capitals).
  else if (!/^https?:\/\//i.test(website)) plant(seeded, 'website', 'invalidWebsite');
}

/** An industry's spelling other than its name: case or spaces only make it a variant. */
function plantIndustry(seeded: SeedOrganization, spelling: string, name: string): void {
  if (spelling === name) return;
  if (spelling.trim() !== spelling) plant(seeded, 'industry', 'surroundingSpaces');
  if (spelling.trim().toLowerCase() === name.toLowerCase()) {
    plant(seeded, 'industry', 'industryVariant');
  } else {
    // Another word for it ("SaaS"), or one of two spellings of it that differ in case only
    // ("Marketing", "marketing"): which of those the check asks to change depends on which is
    // more common, so planted-mess.ts counts them once all are made.
    plant(seeded, 'industry', SPELLING_OF_ANOTHER_NAME);
  }
}

function plantCountry(seeded: SeedOrganization, written: string | undefined, name: string): void {
  if (written === undefined) plant(seeded, 'address.country', 'missingCountry');
  else if (written !== standardCountryName(name) && !isColloquialCountryName(written)) {
    plant(seeded, 'address.country', 'countryVariant');
  }
}

/** Marks an industry spelling planted-mess.ts groups itself (see plantIndustry). */
export const SPELLING_OF_ANOTHER_NAME = '~industrySpelling';

function email(random: Random, domain: string): { value: string; broken: boolean } {
  const box = random.pick(MAIL_BOXES);
  if (!random.chance(0.05)) {
    const value = random.chance(0.05) ? `${box}@${domain}`.toUpperCase() : `${box}@${domain}`;
    return { value, broken: false };
  }
  const broken = random.pick([
    `${box}@`,
    `@${domain}`,
    `${box}@@${domain}`,
    `${box}(at)${domain}`,
    `${box}@${domain}.`,
    `${box} @ ${domain}`,
    domain,
    'n/a',
    `${box}@${domain.split('.')[0] ?? domain}`,
  ]);
  return { value: broken, broken: true };
}

// Weighted choices name a form and build only the chosen string: the seed makes hundreds of
// thousands of these, and building every alternative first doubled the generation time.
const WEBSITE_FORMS = [
  [50, 'https-www'],
  [20, 'https'],
  [8, 'http-www'],
  [8, 'www'],
  [8, 'bare'],
  [3, 'slash'],
  [2, 'path'],
  [1, 'shouting'],
] as const;

function website(random: Random, domain: string): string {
  switch (random.weighted(WEBSITE_FORMS)) {
    case 'https-www':
      return `https://www.${domain}`;
    case 'https':
      return `https://${domain}`;
    case 'http-www':
      return `http://www.${domain}`;
    case 'www':
      return `www.${domain}`;
    case 'bare':
      return domain;
    case 'slash':
      return `https://${domain}/`;
    case 'path':
      return `https://www.${domain}/en/home?ref=crm`;
    case 'shouting':
      return `HTTPS://WWW.${domain.toUpperCase()}`;
  }
}

const SIZE_BANDS = [
  [30, [1, 10]],
  [30, [11, 50]],
  [20, [51, 250]],
  [12, [251, 1000]],
  [6, [1001, 10000]],
  [1, [10001, 250000]],
  [1, 'odd'],
] as const;

function size(random: Random): number {
  const band = random.weighted(SIZE_BANDS);
  // What other clients have written: nobody, part-time staff as a fraction.
  if (band === 'odd') return random.pick([0, 2.5, 0.5]);
  return random.int(band[0], band[1]);
}

function address(random: Random, country: CountryProfile): AddressDto {
  const result: AddressDto = {};
  if (random.chance(0.92)) result.street = random.pick(country.streets);
  if (random.chance(0.9)) {
    result.houseNumber = houseNumber(random);
  }
  if (random.chance(0.88)) result.zipcode = fillPattern(random, country.zipPattern);
  if (random.chance(0.93)) result.location = random.pick(country.cities);
  if (random.chance(0.9)) {
    result.country = random.chance(0.85) ? country.country : random.pick(country.countrySpellings);
  }
  return result;
}

const HOUSE_NUMBER_FORMS = [
  [80, 'plain'],
  [10, 'letter'],
  [6, 'range'],
  [4, 'spaced'],
] as const;

function houseNumber(random: Random): string {
  switch (random.weighted(HOUSE_NUMBER_FORMS)) {
    case 'plain':
      return String(random.int(1, 250));
    case 'letter':
      return `${random.int(1, 120)}${random.pick(['a', 'b', 'c'])}`;
    case 'range':
      return `${random.int(1, 40)}-${random.int(41, 60)}`;
    case 'spaced':
      return `${random.int(1, 99)} B`;
  }
}

const PHONE_FORMS = [
  [60, 'international'],
  [20, 'packed'],
  [10, 'national'],
  [10, 'trunk'],
] as const;

export function phoneNumber(random: Random, country: CountryProfile): string {
  const area = digits(random, random.int(2, 3));
  const line = digits(random, random.int(6, 8));
  switch (random.weighted(PHONE_FORMS)) {
    case 'international':
      return `${country.phonePrefix} ${area} ${line}`;
    case 'packed':
      return `${country.phonePrefix}${area}${line}`;
    case 'national':
      return `0${area}/${line}`;
    case 'trunk':
      return `${country.phonePrefix} (0) ${area} ${line.slice(0, 3)} ${line.slice(3)}`;
  }
}

function variables(random: Random, country: CountryProfile): Record<string, string> {
  if (random.chance(0.2)) return {};
  const entries: [string, string][] = [];
  if (random.chance(0.7)) entries.push(['customerId', `CUS-${digits(random, 6)}`]);
  if (random.chance(0.6)) entries.push(['plan', random.weighted(PLANS)]);
  if (random.chance(0.5)) entries.push(['accountManager', random.pick(ACCOUNT_MANAGERS)]);
  if (random.chance(0.4)) entries.push(['tier', random.pick(['A', 'B', 'C'])]);
  if (random.chance(0.15)) entries.push(['source', random.pick(SOURCES)]);
  if (random.chance(0.1)) {
    entries.push(['vatId', `${country.tld.slice(-2).toUpperCase()}${digits(random, 9)}`]);
  }
  if (random.chance(0.05)) {
    const renewal = new Date(timestampBetween(random, SEED_START_MS, SEED_END_MS));
    entries.push(['renewalDate', renewal.toISOString().slice(0, 10)]);
  }
  if (random.chance(0.02)) entries.push(['Kunden-Nr.', digits(random, 5)]);
  if (random.chance(0.02)) entries.push(['lead score', String(random.int(0, 100))]);
  return Object.fromEntries(entries);
}

/**
 * A second record of a company already present, as imports and hurried sales people create
 * them: other capitalisation, another spelling of the legal form, a website with or without
 * `www.`/scheme, stray spaces. Same customer id, its own id and dates.
 */
export function nearDuplicate(
  random: Random,
  original: SeedOrganization,
  createdMs: number,
): SeedOrganization {
  const copy: OrganizationDto = {
    ...original.organization,
    id: idFrom(random.below),
    created: iso(createdMs),
    updated: iso(createdMs),
    variables: { ...original.organization.variables },
  };
  const variant = random.pick(['upper', 'lower', 'suffix', 'spaces', 'website'] as const);
  const duplicate: SeedOrganization = {
    ...original,
    organization: copy,
    planted: structuredClone(original.planted ?? {}),
    duplicateOf: original.organization.id,
  };
  if (variant === 'upper') copy.name = copy.name.toUpperCase();
  if (variant === 'lower') copy.name = copy.name.toLowerCase();
  if (variant === 'suffix') copy.name = swapLegalSuffix(random, copy.name);
  if (variant === 'spaces') {
    copy.name = `${copy.name.replace(' ', '  ')} `;
    plant(duplicate, 'name', 'surroundingSpaces');
  }
  if (variant === 'website' || random.chance(0.3)) {
    copy.website = websiteVariant(random, copy.website, original.domain);
    plantWebsite(duplicate, copy.website);
  }
  if (!copy.website) delete copy.website;
  return duplicate;
}

const SUFFIX_VARIANTS: readonly (readonly string[])[] = [
  ['GmbH', 'Gmbh', 'G.m.b.H.', 'GMBH', 'GmbH.'],
  ['Ltd', 'Ltd.', 'Limited', 'LTD'],
  ['Inc.', 'Inc', ', Inc.', 'Incorporated'],
  ['AG', 'A.G.', 'Aktiengesellschaft'],
  ['B.V.', 'BV', 'B.V'],
  ['S.L.', 'SL', 'S.L'],
];

function swapLegalSuffix(random: Random, name: string): string {
  for (const variants of SUFFIX_VARIANTS) {
    const found = variants.find((suffix) => name.endsWith(` ${suffix}`));
    if (found) {
      const others = variants.filter((suffix) => suffix !== found);
      return `${name.slice(0, -found.length - 1)} ${random.pick(others)}`;
    }
  }
  // No recognised legal form: the duplicate has one the original lacks.
  return `${name} ${random.pick(['GmbH', 'Ltd', 'Inc.'])}`;
}

function websiteVariant(random: Random, site: string | undefined, domain?: string): string {
  if (!domain) return site ?? '';
  const current = site ?? '';
  const options = [`www.${domain}`, domain, `https://${domain}`, `http://www.${domain}/`];
  const different = options.filter((option) => option !== current);
  return random.pick(different);
}
