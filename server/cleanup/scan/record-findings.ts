// A record's stored findings: what `checkRecord` finds, its profile for grouping (a hidden check,
// `_profile`), in the store's shape. The scan stages them page by page; a write through the
// console replaces them for the record it wrote.
import type { Finding, JsonObject } from '../../store/index.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import { RECORD_CHECKS } from '../checks/catalogue.ts';
import { checkRecord } from '../checks/record-checks.ts';
import { profileOf, type GroupFinding, type RecordProfile } from '../checks/group-checks.ts';
import { resolveCountry } from '../checks/country.ts';

/** Hidden checks: the page never lists them. Their names start with `_`. */
export const PROFILE_CHECK = '_profile';
export const DISTRIBUTION_CHECK = '_distribution';
/** The record id the distributions are stored under (one finding per distribution). */
export const DISTRIBUTION_RECORD = 'all';

/** What a record's own findings replace after a write: every per-record check and the profile. */
export const REPLACED_ON_WRITE: readonly string[] = [...RECORD_CHECKS, PROFILE_CHECK];

// A name is kept with each finding so a queue shows it without reading every record.
const MAX_NAME = 200;

function shortName(name: string | undefined): string {
  const text = name ?? '';
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
}

/** The size band a distribution counts a size in. */
export function sizeBand(size: number | undefined | null): string {
  if (size === undefined || size === null) return 'Not set';
  if (!Number.isSafeInteger(size) || size < 0) return 'Not a whole number';
  if (size === 0) return '0';
  if (size <= 10) return '1–10';
  if (size <= 50) return '11–50';
  if (size <= 250) return '51–250';
  if (size <= 1000) return '251–1,000';
  if (size <= 10_000) return '1,001–10,000';
  return 'Over 10,000';
}

/** The country as a distribution counts it: one name per country (Intl), else as written. */
export function countryLabel(country: string | undefined): string {
  const text = (country ?? '').trim();
  if (text === '') return 'Not set';
  return resolveCountry(text)?.name ?? text;
}

export function industryLabel(industry: string | undefined): string {
  const text = (industry ?? '').trim();
  return text === '' ? 'Not set' : text;
}

export function recordFindings(organization: OrganizationDto): Finding[] {
  const name = shortName(organization.name);
  const findings: Finding[] = checkRecord(organization).map((finding) => {
    const detail: JsonObject = { name, field: finding.field };
    if (finding.value !== undefined) detail.value = finding.value;
    if (finding.fix !== undefined) detail.fix = finding.fix;
    return { check: finding.check, recordId: organization.id, key: finding.field, detail };
  });
  const profile = profileOf(organization);
  findings.push({
    check: PROFILE_CHECK,
    recordId: organization.id,
    key: '',
    detail: {
      name,
      n: profile.nameKey,
      w: profile.webDomain,
      e: profile.emailDomain,
      i: profile.industry,
      c: countryLabel(organization.address?.country),
      s: sizeBand(organization.size),
      ...(profile.markedDuplicate === true ? { m: 1 } : {}),
    },
  });
  return findings;
}

export interface StoredProfile extends RecordProfile {
  name: string;
  country: string;
  sizeBand: string;
}

export function profileFromFinding(finding: Finding): StoredProfile {
  const d = finding.detail;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    recordId: finding.recordId,
    name: text(d.name),
    nameKey: text(d.n),
    webDomain: text(d.w),
    emailDomain: text(d.e),
    industry: text(d.i),
    country: text(d.c),
    sizeBand: text(d.s),
    ...(d.m === 1 ? { markedDuplicate: true } : {}),
  };
}

export function groupFindingToStored(finding: GroupFinding, name: string): Finding {
  const detail: JsonObject = {
    name,
    field: finding.field,
    reason: finding.reason,
    groupSize: finding.groupSize,
  };
  if (finding.value !== undefined) detail.value = finding.value;
  if (finding.fix !== undefined) detail.fix = finding.fix;
  return { check: finding.check, recordId: finding.recordId, key: finding.key, detail };
}
