// What the seed planted on purpose, summed over the first `count` organizations it writes: per
// data-quality check, how many findings it should give (a finding per record, field and check),
// and the records it wrote as one company twice (known clusters and near-duplicates). The
// data-quality tests compare the checks with this, so the two are written independently: the
// seed marks what it did where it did it (seed-types.ts `plant`), never by running a check.
import { generateSeed } from './generate-seed.ts';
import { SPELLING_OF_ANOTHER_NAME } from './organizations.ts';

export interface PlantedMessSummary {
  /** Check → findings it should give. */
  counts: Map<string, number>;
  /** Ids of records written as one company (each list one company). */
  duplicateSets: string[][];
}

export function plantedMess(count: number): PlantedMessSummary {
  const counts = new Map<string, number>();
  const add = (check: string, n = 1) => counts.set(check, (counts.get(check) ?? 0) + n);
  const otherSpellings = new Map<string, Map<string, number>>();
  const clusters = new Map<number, string[]>();
  const pairs: string[][] = [];
  for (const record of generateSeed(count)) {
    if (record.kind !== 'organization') continue;
    const { organization, planted, duplicateOf, duplicateCluster } = record.seeded;
    for (const checks of Object.values(planted ?? {})) {
      for (const check of checks) {
        if (check !== SPELLING_OF_ANOTHER_NAME) {
          add(check);
          continue;
        }
        const spelling = organization.industry ?? '';
        const key = spelling.trim().toLowerCase();
        const spellings = otherSpellings.get(key) ?? new Map<string, number>();
        spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
        otherSpellings.set(key, spellings);
      }
    }
    if (duplicateOf !== undefined) pairs.push([duplicateOf, organization.id]);
    if (duplicateCluster !== undefined) {
      clusters.set(duplicateCluster, [...(clusters.get(duplicateCluster) ?? []), organization.id]);
    }
  }
  // Two spellings of one word planted side by side ("Marketing", "marketing"): all but the most
  // common one are variants.
  for (const spellings of otherSpellings.values()) {
    if (spellings.size < 2) continue;
    const total = [...spellings.values()].reduce((sum, n) => sum + n, 0);
    add('industryVariant', total - Math.max(...spellings.values()));
  }
  return { counts, duplicateSets: [...clusters.values(), ...pairs] };
}
