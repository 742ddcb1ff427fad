import { openDatabase } from '../../server/sandbox/db/open-database.ts';
import { createOrganizationStore } from '../../server/sandbox/db/organization-store.ts';
import { createSearchIndex, type SearchIndex } from '../../server/sandbox/search/index.ts';
import type { OrganizationDto } from '../../server/sandbox/types.ts';
import {
  collectGarbage,
  cpuMilliseconds,
  retainedBytes,
  rowOf,
  RUNS,
  TARGET_MS,
  WARM_UP_RUNS,
  worstCpuRow,
} from './measure.ts';
import { hostileSet } from './hostile-records.ts';
import type { ReportRow } from './report-table.ts';
import { Timings } from './timings.ts';

/** Builds the index again from the stored organizations: its time, CPU time and retained heap. */
export function measureIndexBuild(dataDir: string): {
  wallMs: number;
  cpuMs: number;
  heapMb: number;
  writeRows: ReportRow[];
} {
  const db = openDatabase(dataDir);
  try {
    const byChatbot = createOrganizationStore(db).loadAllByChatbot();
    collectGarbage();
    const heapBefore = retainedBytes();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const indexes = [...byChatbot.values()].map((organizations) =>
      createSearchIndex(organizations),
    );
    const wallMs = performance.now() - started;
    const cpuMs = cpuMilliseconds(process.cpuUsage(cpuStarted));
    collectGarbage();
    const heapMb = (retainedBytes() - heapBefore) / 1e6;
    const [index] = indexes;
    const [organizations] = byChatbot.values();
    if (!index || !organizations) throw new Error('no organizations were seeded');
    return {
      wallMs,
      cpuMs,
      heapMb,
      writeRows: [...measureIndexWrites(index, organizations), measureHostileIndexWork(index)],
    };
  } finally {
    db.close();
  }
}

/** The index's own upsert (a changed organization) and remove, without HTTP or SQLite. */
function measureIndexWrites(
  index: SearchIndex,
  organizations: readonly OrganizationDto[],
): ReportRow[] {
  const upserts = new Timings();
  const removals = new Timings();
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const stored = organizations[(run * 389) % organizations.length] as OrganizationDto;
    const changed = { ...stored, name: `${stored.name} Renamed ${run}`, industry: 'Software' };
    const timed = (timings: Timings, write: () => void): void => {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      write();
      const wallMs = performance.now() - started;
      if (run >= WARM_UP_RUNS) timings.add(wallMs, cpuMilliseconds(process.cpuUsage(cpuStarted)));
    };
    timed(upserts, () => index.upsert(changed));
    timed(removals, () => index.remove(stored.id));
  }
  return [
    rowOf('search index upsert alone', upserts, TARGET_MS.indexWrite),
    rowOf('search index remove alone', removals, TARGET_MS.indexWrite),
  ];
}

/**
 * Issue 11's hostile records handed to the index directly (as the seed or an older database
 * could hold them, past any HTTP validation): their upserts, searches and removals; the row is
 * the worst single call's CPU time.
 */
function measureHostileIndexWork(index: SearchIndex): ReportRow {
  const set = hostileSet();
  const created = new Date().toISOString();
  const record = (id: string, fields: Partial<OrganizationDto>): OrganizationDto => ({
    id,
    created,
    updated: created,
    name: 'Hostile',
    variables: {},
    ...fields,
  });
  const records = [
    record('hostile-long-words', { name: set.longWords.join(' ') }),
    record('hostile-unique-words', { name: set.uniqueWords.join(' ') }),
    record('hostile-variables', { variables: { notes: set.uniqueWords.join(' ') } }),
    record('hostile-everywhere', {
      name: set.longWords.join(' '),
      industry: set.uniqueWords.join(' '),
      address: { street: set.longWords.join(' '), location: set.uniqueWords.join(' ') },
    }),
  ];
  const calls = new Timings();
  let worst = { cpuMs: -1, label: '' };
  const timed = (label: string, work: () => void): void => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    work();
    const cpuMs = cpuMilliseconds(process.cpuUsage(cpuStarted));
    calls.add(performance.now() - started, cpuMs);
    if (cpuMs > worst.cpuMs) worst = { cpuMs, label };
  };
  for (const organization of records) {
    timed(`upsert ${organization.id}`, () => index.upsert(organization));
  }
  for (const query of set.queries) {
    const shown = query.length > 24 ? `${query.slice(0, 24)}…` : query;
    timed(`search "${shown}"`, () =>
      index.search({ query, page: 1, pageSize: 50, hiddenHits: [] }),
    );
  }
  for (const organization of records) {
    timed(`remove ${organization.id}`, () => index.remove(organization.id));
  }
  return worstCpuRow(`search index alone: worst hostile call (${worst.label})`, calls);
}
