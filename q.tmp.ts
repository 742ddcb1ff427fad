import { generateSeed } from './server/sandbox/seed/generate-seed.ts';
import { checkRecord } from './server/cleanup/checks/record-checks.ts';
import { groupFindings, profileOf } from './server/cleanup/checks/group-checks.ts';
const counts: Record<string, number> = {};
const profiles = [];
const t0 = performance.now();
for (const r of generateSeed(Number(process.argv[2] ?? 5000))) {
  if (r.kind !== 'organization') continue;
  const o = r.seeded.organization;
  for (const f of checkRecord(o)) counts[f.check] = (counts[f.check] ?? 0) + 1;
  profiles.push(profileOf(o));
}
const t1 = performance.now();
const g = groupFindings(profiles);
for (const f of g) counts[f.check] = (counts[f.check] ?? 0) + 1;
console.log(counts, profiles.length, Math.round(t1 - t0), Math.round(performance.now() - t1));
const byKey = new Map<string, number>();
for (const f of g) if (f.check==='duplicateName') byKey.set(f.key, (byKey.get(f.key) ?? 0) + 1);
console.log([...byKey].slice(0, 30));
