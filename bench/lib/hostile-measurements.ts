import type { OrganizationDto, SearchOrganizationResultDto } from '../../server/sandbox/types.ts';
import { hostileSet, type HostileSet } from './hostile-records.ts';
import { collectGarbage, retainedBytes, rowOf, TARGET_MS } from './measure.ts';
import type { ReportRow } from './report-table.ts';
import type { SandboxClient } from './sandbox-client.ts';
import { Timings, type TimingSink } from './timings.ts';

type SearchBody = { results: SearchOrganizationResultDto };
type OrganizationBody = { organization?: OrganizationDto };

// A route may refuse a hostile body (400: field limits of the HTTP layer) or take it (201/200):
// either is fine here; what is measured is that no request holds the process for long.
const CREATED_OR_REFUSED = [201, 400];
const UPDATED_OR_REFUSED = [200, 400];

export interface HostileFigures {
  rows: ReportRow[];
  /** Retained memory (MB) added by the hostile records, and what remains after their deletes. */
  addedMb: number;
  remainingMb: number;
  /** Statuses of the two creates (201: stored and indexed; 400: refused by validation). */
  createStatuses: number[];
}

/**
 * Replays issue 11's hostile records through the routes: the creates, an update with 1 MB of
 * variables, searches for their words, and the deletes; each request's CPU time, and the
 * retained memory before, with and after the records.
 */
export async function measureHostileRequests(
  client: SandboxClient,
  set: HostileSet = hostileSet(),
): Promise<HostileFigures> {
  const writes = new Timings();
  const searches = new Timings();
  const all = new Timings();
  const both = (timings: Timings): TimingSink => ({
    add(wallMs, cpuMs) {
      timings.add(wallMs, cpuMs);
      all.add(wallMs, cpuMs);
    },
  });
  collectGarbage();
  const before = retainedBytes();

  const long = await client.exchange<OrganizationBody>(
    'POST',
    '',
    CREATED_OR_REFUSED,
    both(writes),
    { name: set.longWords.join(' ') },
  );
  const unique = await client.exchange<OrganizationBody>(
    'POST',
    '',
    CREATED_OR_REFUSED,
    both(writes),
    { name: set.uniqueWords.join(' ') },
  );
  const created = [long.body.organization?.id, unique.body.organization?.id].filter(
    (id): id is string => id !== undefined,
  );
  for (const id of created) {
    await client.exchange('PATCH', `/${id}`, UPDATED_OR_REFUSED, both(writes), {
      organization: { name: 'Hostile variables', variables: { notes: set.uniqueWords.join(' ') } },
    });
  }
  // The names again: the first record keeps its long words in the name, the other in variables.
  if (long.body.organization) {
    await client.exchange('PATCH', `/${long.body.organization.id}`, UPDATED_OR_REFUSED, undefined, {
      organization: { name: set.longWords.join(' '), variables: {} },
    });
  }
  for (const query of set.queries) {
    await client.call<SearchBody>(
      'GET',
      `/search?query=${encodeURIComponent(query)}&page=1&pageSize=50`,
      200,
      both(searches),
    );
  }
  collectGarbage();
  const withRecords = retainedBytes();
  for (const id of created) await client.call('DELETE', `/${id}`, 200, both(writes));
  collectGarbage();
  const after = retainedBytes();

  const worst = worstOf(all);
  return {
    rows: [
      rowOf(`hostile creates, updates, deletes (${writes.count})`, writes),
      rowOf(`hostile searches (${searches.count})`, searches),
      {
        name: `worst hostile request, of ${all.count} (CPU)`,
        runs: all.count,
        p50: worst.wallMs,
        p95: worst.wallMs,
        cpuP50: worst.cpuMs,
        cpuP95: worst.cpuMs,
        targetMs: TARGET_MS.hostileRequestCpu,
        targetOn: 'cpu',
      },
    ],
    addedMb: (withRecords - before) / 1e6,
    remainingMb: (after - before) / 1e6,
    createStatuses: [long.status, unique.status],
  };
}

/** The largest wall and CPU time among the samples (max, not a percentile: the worst request). */
export function worstOf(timings: Timings): { wallMs: number; cpuMs: number } {
  return { wallMs: timings.percentile(100), cpuMs: timings.cpuPercentile(100) };
}
