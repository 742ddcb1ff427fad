// The seed knows the mess it planted (server/sandbox/seed/planted-mess.ts): each check's count
// over the seeded organizations equals what the seed says it planted, and every company the seed
// wrote twice is found as a likely duplicate. (The duplicate checks find more than was planted:
// random names collide — two "Müller GmbH" — and those are likely duplicates too.)
import { describe, expect, it } from 'vitest';
import { generateSeed } from '../../sandbox/seed/generate-seed.ts';
import { plantedMess } from '../../sandbox/seed/planted-mess.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import { GROUP_CHECKS, RECORD_CHECKS } from './catalogue.ts';
import { groupFindings, profileOf } from './group-checks.ts';
import { checkRecord } from './record-checks.ts';

const SEEDED = 3_000;

describe('the checks over the seed', () => {
  const organizations: OrganizationDto[] = [];
  for (const record of generateSeed(SEEDED)) {
    if (record.kind === 'organization') organizations.push(record.seeded.organization);
  }
  const found = new Map<string, number>();
  const add = (check: string) => found.set(check, (found.get(check) ?? 0) + 1);
  for (const organization of organizations) for (const f of checkRecord(organization)) add(f.check);
  const groups = groupFindings(organizations.map(profileOf));
  for (const f of groups) add(f.check);
  const planted = plantedMess(SEEDED);

  for (const check of [...RECORD_CHECKS, 'industryVariant']) {
    it(`finds exactly the planted ${check}`, () => {
      expect(found.get(check) ?? 0).toBe(planted.counts.get(check) ?? 0);
      expect(found.get(check) ?? 0).toBeGreaterThan(0);
    });
  }

  it('groups every company the seed wrote twice as a likely duplicate', () => {
    const groupOf = new Map<string, Set<string>>();
    for (const f of groups) {
      if (!GROUP_CHECKS.includes(f.check) || f.check === 'industryVariant') continue;
      const keys = groupOf.get(f.recordId) ?? new Set<string>();
      keys.add(f.key);
      groupOf.set(f.recordId, keys);
    }
    expect(planted.duplicateSets.length).toBeGreaterThan(20);
    for (const set of planted.duplicateSets) {
      const [first, ...rest] = set;
      const keys = groupOf.get(first!) ?? new Set<string>();
      for (const id of rest) {
        const shared = [...(groupOf.get(id) ?? [])].some((key) => keys.has(key));
        expect({ pair: [first, id], shared }).toEqual({ pair: [first, id], shared: true });
      }
    }
  });
});
