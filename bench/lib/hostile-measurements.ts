import { setTimeout } from 'node:timers/promises';
import { MAX_PAGE_SIZE } from '../../server/sandbox/validation/query-parameters.ts';
import type { OrganizationDto } from '../../server/sandbox/types.ts';
import { collectGarbage, retainedBytes, rowOf, TARGET_MS, worstCpuRow } from './measure.ts';
import type { ReportRow } from './report-table.ts';
import type { SandboxClient } from './sandbox-client.ts';
import { Timings, type TimingSink } from './timings.ts';
import { TEXT_KINDS, WorstRequests } from './worst-requests.ts';

type OrganizationBody = { organization?: OrganizationDto };

// A create or update at the limits is taken (201/200); the bench also accepts a 400, so that it
// still measures when a limit is tightened, and says which statuses it got.
const CREATED_OR_REFUSED = [201, 400];
const UPDATED_OR_REFUSED = [200, 400];
/**
 * The first round also runs code for the first time (compiling it) and grows the index's
 * arrays; the second shows the steady cost. Both count: an attacker can be the first.
 */
const ROUNDS = 2;
/** The page requests' records: a page of the largest size the API serves, all at the limits. */
export const PAGE_RECORDS = MAX_PAGE_SIZE;
/** Long enough for the collector's background sweeping to end (see collectGarbageAndSettle). */
const SETTLE_MS = 50;
/** Deletes of page records timed (the rest are the same request). */
const DELETES_TIMED = 10;
/** The token every page record holds last, so one search hits all of them. */
export const PAGE_MARK = 'pagemarkzq';

export interface HostileFigures {
  rows: ReportRow[];
  /** Retained memory (MB) added by the page records, and what remains after their deletes. */
  addedMb: number;
  remainingMb: number;
  /** Statuses the creates and updates at the limits got, e.g. "201 × 10, 200 × 10". */
  writeStatuses: string;
  /** Bytes of the largest response (a page of records at their limits). */
  largestResponseBytes: number;
  /** Each kind of request with its worst CPU time, worst first. */
  worstByLabel: Measured[];
}

/**
 * One request measured: its label, its event loop's CPU time and the whole process's, and the
 * longest the event loop had no turn meanwhile (its CPU time, and wall time).
 */
export interface Measured {
  label: string;
  /**
   * A page of 250 records at the limits: its CPU grows with the answer it was asked for (about
   * 14 MB), not with work the request makes the sandbox do beyond it, so its total is reported
   * (with its cost per MB) and its longest event-loop block judged; every other request's total
   * is judged.
   */
  page: boolean;
  /** Bytes of the answer. */
  bytes: number;
  cpuMs: number;
  processCpuMs: number;
  longestBlockCpuMs: number;
  longestBlockWallMs: number;
}

/**
 * The worst requests the limits accept, through the routes, each timed on the sandbox's side
 * after a full garbage collection (so that its figure is its own work, and any collection its
 * own garbage starts, not what earlier requests left): for every kind of text (worst-requests.ts)
 * a create and an update with every field at its limit, searches of 5,000 characters for the
 * record's words, misspelt and new words, its delete; the widest prefix queries; then 250
 * records at the limits and the pages that return them all (list, search hits, `*`). `between`
 * runs with the page records stored (the latency-under-attack measurement).
 */
export async function measureHostileRequests(
  client: SandboxClient,
  between: (pageRecordIds: readonly string[]) => Promise<void> = async () => {},
): Promise<HostileFigures> {
  const requests = new WorstRequests();
  const writes = new Timings();
  const searches = new Timings();
  const pages = new Timings();
  /** Every request but the pages (see Measured.page): the worst of these is judged. */
  const all = new Timings();
  /** Per request, its longest block (wall, CPU). */
  const blocks = new Timings();
  const measured: Measured[] = [];
  const statuses = new Map<number, number>();
  let largestResponseBytes = 0;
  const timed = async <T>(
    timings: Timings,
    label: string,
    method: string,
    path: string,
    expected: readonly number[],
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    let cpuMs = 0;
    const sink: TimingSink = {
      add(wallMs, cpu = 0) {
        timings.add(wallMs, cpu);
        if (timings !== pages) all.add(wallMs, cpu);
        cpuMs = cpu;
      },
    };
    await collectGarbageAndSettle();
    const answer = await client.sandboxSide<T>(method, path, expected, sink, body);
    measured.push({
      label,
      page: timings === pages,
      bytes: answer.bytes,
      cpuMs,
      processCpuMs: answer.processCpuMs,
      longestBlockCpuMs: answer.longestBlock.longestCpuMs,
      longestBlockWallMs: answer.longestBlock.longestWallMs,
    });
    blocks.add(answer.longestBlock.longestWallMs, answer.longestBlock.longestCpuMs);
    if (process.env.BENCH_TRACE) console.log(`${cpuMs.toFixed(1).padStart(8)} ${label}`);
    largestResponseBytes = Math.max(largestResponseBytes, answer.bytes);
    return answer;
  };
  const write = async (label: string, method: string, path: string, body: unknown) => {
    const expected = method === 'POST' ? CREATED_OR_REFUSED : UPDATED_OR_REFUSED;
    const answer = await timed<OrganizationBody>(writes, label, method, path, expected, body);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    return answer.body.organization;
  };
  const search = (timings: Timings, label: string, query: string, pageSize = 50) =>
    timed(
      timings,
      label,
      'GET',
      `/search?query=${encodeURIComponent(query)}&page=1&pageSize=${pageSize}`,
      [200],
    );

  const prefixes = await commonPrefixes(client);
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of TEXT_KINDS) {
      const created = await write(
        `create, every field at its limit (${kind})`,
        'POST',
        '',
        requests.create(kind),
      );
      if (!created) continue;
      const update = requests.update(kind);
      await write(
        `update, every field and 50 variables at their limits (${kind})`,
        'PATCH',
        `/${created.id}`,
        update,
      );
      const { name } = update.organization;
      await search(searches, `search, 5,000 characters of a record's words (${kind})`, name);
      await search(
        searches,
        `search, 5,000 characters of a record's words misspelt (${kind})`,
        WorstRequests.misspelt(name),
      );
      await search(
        searches,
        `search, 5,000 characters of new words (${kind})`,
        requests.query(kind),
      );
      await timed(
        writes,
        `delete, a record at the limits (${kind})`,
        'DELETE',
        `/${created.id}`,
        [200],
      );
    }
    await search(searches, 'search, 16 one-letter words', 'a b c d e f g h i j k l m n o p');
    await search(
      searches,
      'search, 16 three-letter prefixes',
      'abc bcd cde def efg fgh ghi hij ijk jkl klm lmn mno nop opq pqr',
    );
    await search(searches, "search, the 16 commonest prefixes of the seed's words", prefixes);
  }

  collectGarbage();
  const memoryBefore = retainedBytes();
  const pageRecordIds: string[] = [];
  // Not timed: the same requests as the creates and updates above (and a collection before
  // each of 500 requests would take minutes).
  for (let i = 0; i < PAGE_RECORDS; i++) {
    const record = requests.pageRecord(PAGE_MARK);
    const created = await client.call<OrganizationBody>(
      'POST',
      '',
      CREATED_OR_REFUSED,
      undefined,
      record.create,
    );
    if (!created.organization) break;
    const path = `/${created.organization.id}`;
    await client.call('PATCH', path, UPDATED_OR_REFUSED, undefined, record.update);
    pageRecordIds.push(created.organization.id);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const label = `${pageRecordIds.length} records at the limits`;
    await timed(pages, `list, a page of ${label}`, 'GET', `?limit=${PAGE_RECORDS}`, [200]);
    await search(pages, `search "*", a page of ${label}`, '*', PAGE_RECORDS);
    await search(pages, `search, ${label} hit`, PAGE_MARK, PAGE_RECORDS);
    await search(pages, `search misspelt, ${label} hit`, 'pagemrkzq', PAGE_RECORDS);
  }
  collectGarbage();
  const memoryWithRecords = retainedBytes();
  await between(pageRecordIds);
  for (const [i, id] of pageRecordIds.entries()) {
    if (i < DELETES_TIMED) {
      await timed(writes, 'delete, a page record at the limits', 'DELETE', `/${id}`, [200]);
    } else await client.call('DELETE', `/${id}`, 200);
  }
  await releaseSlicesRun();
  collectGarbage();
  const memoryAfter = retainedBytes();

  // Each figure's worst over the label's requests (not always the same request's).
  const worstByLabel = new Map<string, Measured>();
  for (const request of measured) {
    const worst = worstByLabel.get(request.label);
    if (!worst) {
      worstByLabel.set(request.label, { ...request });
      continue;
    }
    worst.cpuMs = Math.max(worst.cpuMs, request.cpuMs);
    worst.bytes = Math.max(worst.bytes, request.bytes);
    worst.processCpuMs = Math.max(worst.processCpuMs, request.processCpuMs);
    worst.longestBlockCpuMs = Math.max(worst.longestBlockCpuMs, request.longestBlockCpuMs);
    worst.longestBlockWallMs = Math.max(worst.longestBlockWallMs, request.longestBlockWallMs);
  }
  const ranked = [...worstByLabel.values()].sort((a, b) => b.cpuMs - a.cpuMs);
  const worst = ranked.find((request) => !request.page) as Measured;
  const pageCpu = worstCpuRow(
    `hostile page of ${PAGE_RECORDS} records at the limits, CPU in all`,
    pages,
  );
  return {
    rows: [
      rowOf(`hostile creates, updates, deletes (${writes.count})`, writes),
      rowOf(`hostile searches (${searches.count})`, searches),
      rowOf(`hostile pages of ${PAGE_RECORDS} (${pages.count})`, pages),
      worstCpuRow(`worst hostile request but the pages (${worst.label})`, all),
      { ...pageCpu, targetMs: undefined },
      worstCpuRow('longest event-loop block of a hostile request', blocks),
    ],
    addedMb: (memoryWithRecords - memoryBefore) / 1e6,
    remainingMb: (memoryAfter - memoryBefore) / 1e6,
    writeStatuses: [...statuses].map(([status, count]) => `${status} × ${count}`).join(', '),
    largestResponseBytes,
    worstByLabel: ranked,
  };
}

/**
 * A full collection, then a pause: the collector's helper threads finish sweeping in the
 * background after `gc()` returns, and their CPU time would otherwise count for the request
 * (a trivial request measured 12–16 ms right after a collection, 1 ms 50 ms later).
 */
async function collectGarbageAndSettle(): Promise<void> {
  collectGarbage();
  await setTimeout(SETTLE_MS);
}

/**
 * The sixteen commonest three-letter starts of the words of stored names: earlier words of a
 * query match as prefixes from three letters, so these stand for the most terms and postings.
 */
async function commonPrefixes(client: SandboxClient): Promise<string> {
  type SearchBody = { results: { hits: { organization: OrganizationDto }[] } };
  const body = await client.call<SearchBody>(
    'GET',
    `/search?query=*&page=1&pageSize=${MAX_PAGE_SIZE}`,
    200,
  );
  const counts = new Map<string, number>();
  for (const { organization } of body.results.hits) {
    for (const word of organization.name.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
      const prefix = word.slice(0, 3);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([prefix]) => prefix)
    .join(' ');
}

/**
 * A Markdown table of each hostile request's worst CPU time (its event loop's, judged against
 * the target, but for the pages: reported, with their cost per MB of answer; the whole
 * process's, helper threads included, beside it) and its longest event-loop block (CPU, judged
 * against the same target: what holds other requests up; wall).
 */
export function formatWorstRequests(measured: readonly Measured[]): string {
  const target = TARGET_MS.hostileRequestCpu;
  const verdict = (ms: number) => `${ms.toFixed(1)} ${ms <= target ? 'ok' : 'MISSED'}`;
  const total = (request: Measured) =>
    request.page
      ? `${request.cpuMs.toFixed(1)} reported (${(request.cpuMs / (request.bytes / 1e6)).toFixed(1)} per MB of a ${(request.bytes / 1e6).toFixed(1)} MB answer)`
      : verdict(request.cpuMs);
  const lines = [
    `| hostile request | CPU ms (≤ ${target}; pages: reported) | longest block CPU ms (≤ ${target}) | longest block wall ms | process CPU ms |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const request of measured) {
    lines.push(
      `| ${request.label} | ${total(request)} | ${verdict(request.longestBlockCpuMs)} | ` +
        `${request.longestBlockWallMs.toFixed(1)} | ${request.processCpuMs.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Lets the search index finish releasing the deleted records' terms, which it does after each
 * delete in slices between requests (server/sandbox/search/index.ts): one slice per turn of the
 * event loop, and 2,000 turns are enough for every record here at DEFERRED_WORK_SLICE_MS each.
 */
async function releaseSlicesRun(): Promise<void> {
  for (let turn = 0; turn < 2_000; turn++) await new Promise((resolve) => setImmediate(resolve));
}
