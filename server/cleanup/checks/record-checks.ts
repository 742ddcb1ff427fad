// The checks that look at one organization alone. Each finding names the field, the stored value
// and, where one is clear, the value to write instead. Pure: the scan, the update of a record's
// findings after a write and the tests all call `checkRecord`.
import {
  isFormEmail,
  isFormWebsite,
} from '../../../src/lib/organizations/organizationFormRules.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import type { RecordCheck } from './catalogue.ts';
import { resolveCountry } from './country.ts';
import {
  characterCount,
  hasControlCharacters,
  hasMarkup,
  hasSurroundingSpaces,
  isBlank,
  withoutMarkupOrControl,
} from './text-rules.ts';

export const LONG_NAME_CHARACTERS = 120;

/** A fix is a value for one field; `address.country` names a field of the address. */
export interface RecordFinding {
  check: RecordCheck;
  /** The field it is about (`name`, `address.country`, `variables.plan`…); '' for none. */
  field: string;
  value?: string | number;
  fix?: string | number;
}

type TextField = { field: string; value: string };

/** Every text an organization holds, with the field it is in. */
export function textFields(organization: OrganizationDto): TextField[] {
  const fields: TextField[] = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === 'string') fields.push({ field, value });
  };
  add('name', organization.name);
  add('email', organization.email);
  add('website', organization.website);
  add('industry', organization.industry);
  const address = organization.address;
  if (address) {
    add('address.street', address.street);
    add('address.houseNumber', address.houseNumber);
    add('address.zipcode', address.zipcode);
    add('address.location', address.location);
    add('address.country', address.country);
  }
  for (const [key, value] of Object.entries(organization.variables ?? {})) {
    add(`variables.${key}`, value);
  }
  return fields;
}

/** The usual slips in an e-mail ("info @ acme.com", "info(at)acme.com", "a@@b.com", a trailing dot). */
export function emailFix(text: string): string | undefined {
  const value = text
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/\s*\((?:at|@)\)\s*/gi, '@')
    .replace(/\s+/g, '')
    .replace(/@{2,}/g, '@')
    .replace(/\.+$/, '');
  return value !== text && isFormEmail(value) ? value : undefined;
}

/** `https://` before an address that has no scheme, when that makes it a web address. */
export function websiteFix(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    return trimmed !== text && isFormWebsite(trimmed) ? trimmed : undefined;
  }
  const value = `https://${trimmed.replace(/^\/+/, '')}`;
  return isFormWebsite(value) ? value : undefined;
}

export function checkRecord(organization: OrganizationDto): RecordFinding[] {
  const findings: RecordFinding[] = [];
  const { name, email, website, industry, size } = organization;
  const country = organization.address?.country;

  if (isBlank(name)) findings.push({ check: 'missingName', field: 'name' });
  if (isBlank(email)) findings.push({ check: 'missingEmail', field: 'email' });
  if (isBlank(website)) findings.push({ check: 'missingWebsite', field: 'website' });
  if (isBlank(country)) findings.push({ check: 'missingCountry', field: 'address.country' });
  if (isBlank(industry)) findings.push({ check: 'missingIndustry', field: 'industry' });

  if (email !== undefined && !isBlank(email) && !isFormEmail(email.trim())) {
    findings.push({ check: 'invalidEmail', field: 'email', value: email, fix: emailFix(email) });
  }
  if (website !== undefined && !isBlank(website) && !isFormWebsite(website.trim())) {
    findings.push({
      check: 'invalidWebsite',
      field: 'website',
      value: website,
      fix: websiteFix(website),
    });
  }
  if (size !== undefined && size !== null && !(Number.isSafeInteger(size) && size >= 0)) {
    const rounded = Number.isFinite(size) ? Math.max(0, Math.round(size)) : undefined;
    findings.push({ check: 'invalidSize', field: 'size', value: size, fix: rounded });
  }
  for (const { field, value } of textFields(organization)) {
    if (hasMarkup(value) || hasControlCharacters(value)) {
      const cleaned = withoutMarkupOrControl(value);
      findings.push({
        check: 'markupOrControl',
        field,
        value,
        fix: cleaned === '' ? undefined : cleaned,
      });
    }
    if (hasSurroundingSpaces(value) && value.trim() !== '') {
      findings.push({ check: 'surroundingSpaces', field, value, fix: value.trim() });
    }
  }
  if (country !== undefined && !isBlank(country)) {
    const resolved = resolveCountry(country);
    if (resolved !== undefined && resolved.name !== country) {
      findings.push({
        check: 'countryVariant',
        field: 'address.country',
        value: country,
        fix: resolved.name,
      });
    }
  }
  if (name !== undefined && characterCount(name) > LONG_NAME_CHARACTERS) {
    findings.push({ check: 'longName', field: 'name', value: name });
  }
  return findings;
}
