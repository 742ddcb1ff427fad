import type { OrganizationDto } from '../../server/sandbox/types.ts';
import { hostileSet, type HostileSet } from './hostile-records.ts';
import { collectGarbage, retainedBytes, rowOf, worstCpuRow } from './measure.ts';
import type { ReportRow } from './report-table.ts';
import type { SandboxClient } from './sandbox-client.ts';
import { Timings, type TimingSink } from './timings.ts';

type OrganizationBody = { organization?: OrganizationDto };

// A route may refuse a hostile body (400: field limits of the HTTP layer) or take it (201/200):
// either is fine here; what is measured is that no request holds the process for long.
const CREATED_OR_REFUSED = [201, 400];
const UPDATED_OR_REFUSED = [200, 400];
/** The first round also grows caches and compiles code once; memory is read on the second. */
const ROUNDS = 2;

export interface HostileFigures {
  rows: ReportRow[];
  /** Retained memory (MB) added by the hostile records, and what remains after their deletes. */
  addedMb: number;
  remainingMb: number;
  /** Statuses of the two creates (201: stored and indexed; 400: refused by validation). */
  createStatuses: number[];
}

/**
 * Replays issue 11's hostile records through the routes, twice: the creates, an update with
 * 1 MB of variables each, searches for their words, and the deletes. Each request is timed on
 * the sandbox's side (from the Request, its body already serialised, to the response's bytes:
 * an attacker's own serialising and parsing is not the sandbox's work); memory is read before,
 * with and after the records of the last round.
 */
export async function measureHostileRequests(
  client: SandboxClient,
  set: HostileSet = hostileSet(),
): Promise<HostileFigures> {
  const writes = new Timings();
  const searches = new Timings();
  const all = new Timings();
  let worstLabel = '';
  let worstCpuMs = -1;
  const both = (timings: Timings, label: string): TimingSink => ({
    add(wallMs, cpuMs = 0) {
      timings.add(wallMs, cpuMs);
      all.add(wallMs, cpuMs);
      if (cpuMs > worstCpuMs) [worstCpuMs, worstLabel] = [cpuMs, label];
    },
  });
  const memory = { before: 0, withRecords: 0, after: 0 };
  const createStatuses: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    memory.before = retainedBytes();
    const created: string[] = [];
    createStatuses.length = 0;
    const names = [
      ['8 words of 15,000 letters', set.longWords.join(' ')],
      ['1 MB of unique words', set.uniqueWords.join(' ')],
    ];
    for (const [what, name] of names) {
      const answer = await client.sandboxSide<OrganizationBody>(
        'POST',
        '',
        CREATED_OR_REFUSED,
        both(writes, `create, ${what} in the name`),
        { name },
      );
      createStatuses.push(answer.status);
      if (answer.body.organization) created.push(answer.body.organization.id);
    }
    for (const id of created) {
      const label = 'update, 1 MB of variables';
      await client.sandboxSide('PATCH', `/${id}`, UPDATED_OR_REFUSED, both(writes, label), {
        organization: {
          name: set.longWords.join(' '),
          variables: { notes: set.uniqueWords.join(' ') },
        },
      });
    }
    for (const query of set.queries) {
      await client.sandboxSide(
        'GET',
        `/search?query=${encodeURIComponent(query)}&page=1&pageSize=50`,
        [200],
        both(searches, `search "${query.length > 24 ? `${query.slice(0, 24)}…` : query}"`),
      );
    }
    collectGarbage();
    memory.withRecords = retainedBytes();
    for (const id of created) {
      await client.sandboxSide('DELETE', `/${id}`, [200], both(writes, 'delete'));
    }
    collectGarbage();
    memory.after = retainedBytes();
  }

  return {
    rows: [
      rowOf(`hostile creates, updates, deletes (${writes.count})`, writes),
      rowOf(`hostile searches (${searches.count})`, searches),
      worstCpuRow(`worst hostile request (${worstLabel})`, all),
    ],
    addedMb: (memory.withRecords - memory.before) / 1e6,
    remainingMb: (memory.after - memory.before) / 1e6,
    createStatuses,
  };
}
