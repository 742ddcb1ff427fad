// The checks that compare organizations: industry case variants and likely duplicates. They work
// on a small profile of every record (the keys it is grouped by), which the scan keeps in the
// store while it walks the list, so a scan resumed after a restart still groups everything.
import { createHash } from 'node:crypto';
import type { OrganizationDto } from '../../sandbox/types.ts';
import type { GroupCheck } from './catalogue.ts';
import { emailDomain, nameKey, websiteDomain } from './fold.ts';

/** What grouping needs of one organization. */
export interface RecordProfile {
  recordId: string;
  /** The folded name (fold.ts), '' when nothing is left. */
  nameKey: string;
  /** The website's domain, ''. */
  webDomain: string;
  /** The e-mail's company domain, '' (none, not an address, or free-mail). */
  emailDomain: string;
  /** The industry as stored, '' when none. */
  industry: string;
  /**
   * Marked `duplicateOf` by a merge (src/lib/cleanup/mergePlan.ts): kept only for its contacts, so
   * it is no longer offered as a duplicate.
   */
  markedDuplicate?: boolean;
}

/**
 * The variable a merge marks a kept duplicate with (src/lib/cleanup/mergePlan.ts says the same).
 */
export const DUPLICATE_OF = 'duplicateOf';

function isMarkedDuplicate(organization: OrganizationDto): boolean {
  const variables = organization.variables ?? {};
  return Object.hasOwn(variables, DUPLICATE_OF) && variables[DUPLICATE_OF] !== '';
}

export function profileOf(organization: OrganizationDto): RecordProfile {
  return {
    recordId: organization.id,
    nameKey: nameKey(organization.name ?? ''),
    webDomain: websiteDomain(organization.website ?? ''),
    emailDomain: emailDomain(organization.email ?? ''),
    industry: organization.industry ?? '',
    ...(isMarkedDuplicate(organization) ? { markedDuplicate: true } : {}),
  };
}

export interface GroupFinding {
  check: GroupCheck;
  recordId: string;
  /** The group's key (what its members share); findings of a group come together by it. */
  key: string;
  /** Why the group was formed, in words. */
  reason: string;
  /** How many records the group has. */
  groupSize: number;
  field: string;
  value?: string;
  fix?: string;
}

// A key is stored with each finding (at most 1,000 characters): a long one is cut and hashed.
const MAX_KEY = 200;

export function findingKey(kind: string, value: string): string {
  const key = `${kind}:${value}`;
  if (key.length <= MAX_KEY) return key;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `${key.slice(0, MAX_KEY - 18)}#${hash}`;
}

/** The industry's grouping key: case and runs of spaces ignored. */
export function industryKey(industry: string): string {
  return industry.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function groupBy(profiles: Iterable<RecordProfile>, key: (p: RecordProfile) => string) {
  const groups = new Map<string, RecordProfile[]>();
  for (const profile of profiles) {
    const value = key(profile);
    if (value === '') continue;
    const group = groups.get(value);
    if (group === undefined) groups.set(value, [profile]);
    else group.push(profile);
  }
  return groups;
}

/**
 * The spelling an industry group should use: the most frequent spelling that has no spaces
 * around it (ties: the one that sorts first), else the most frequent trimmed.
 */
export function preferredIndustry(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  const clean = [...counts].filter(
    ([spelling]) => spelling === spelling.trim().replace(/\s+/g, ' '),
  );
  const pool =
    clean.length > 0 ? clean : [...counts].map(([s, n]) => [s.trim(), n] as [string, number]);
  pool.sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0));
  return pool[0]![0];
}

const DUPLICATE_KINDS = [
  {
    check: 'duplicateName',
    key: (p: RecordProfile) => p.nameKey,
    field: 'name',
    reason: (value: string) =>
      `Same name once case, accents and legal forms are ignored: “${value}”.`,
  },
  {
    check: 'duplicateWebsite',
    key: (p: RecordProfile) => p.webDomain,
    field: 'website',
    reason: (value: string) => `Same website domain: ${value}.`,
  },
  {
    check: 'duplicateEmailDomain',
    key: (p: RecordProfile) => p.emailDomain,
    field: 'email',
    reason: (value: string) => `Same e-mail domain: @${value}.`,
  },
] as const;

/** Every finding of the group checks over all profiles of a chatbot. */
export function groupFindings(profiles: readonly RecordProfile[]): GroupFinding[] {
  const findings: GroupFinding[] = [];
  for (const [key, group] of groupBy(profiles, (p) => industryKey(p.industry))) {
    const spellings = new Set(group.map((p) => p.industry));
    if (spellings.size < 2) continue;
    const preferred = preferredIndustry(group.map((p) => p.industry));
    for (const profile of group) {
      if (profile.industry === preferred) continue;
      findings.push({
        check: 'industryVariant',
        recordId: profile.recordId,
        key: findingKey('industry', key),
        reason: `${spellings.size} spellings of “${preferred}”.`,
        groupSize: group.length,
        field: 'industry',
        value: profile.industry,
        fix: preferred,
      });
    }
  }
  const unmarked = profiles.filter((profile) => profile.markedDuplicate !== true);
  for (const kind of DUPLICATE_KINDS) {
    for (const [value, group] of groupBy(unmarked, kind.key)) {
      if (group.length < 2) continue;
      for (const profile of group) {
        findings.push({
          check: kind.check,
          recordId: profile.recordId,
          key: findingKey(kind.field, value),
          reason: kind.reason(value),
          groupSize: group.length,
          field: kind.field,
        });
      }
    }
  }
  return findings;
}

/**
 * Whether a group finding still holds for an organization after a write through the console: it
 * is still grouped by the same key (and, for an industry variant, still not the preferred one).
 * A write can take a record out of a group at once; a new group waits for the next scan.
 */
export function groupFindingStillHolds(
  finding: { check: string; key: string; fix?: unknown },
  organization: OrganizationDto,
): boolean {
  const profile = profileOf(organization);
  if (finding.check !== 'industryVariant' && profile.markedDuplicate === true) return false;
  switch (finding.check) {
    case 'industryVariant':
      return (
        findingKey('industry', industryKey(profile.industry)) === finding.key &&
        profile.industry !== finding.fix
      );
    case 'duplicateName':
      return profile.nameKey !== '' && findingKey('name', profile.nameKey) === finding.key;
    case 'duplicateWebsite':
      return profile.webDomain !== '' && findingKey('website', profile.webDomain) === finding.key;
    case 'duplicateEmailDomain':
      return profile.emailDomain !== '' && findingKey('email', profile.emailDomain) === finding.key;
    default:
      return false;
  }
}
