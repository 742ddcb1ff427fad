// The data-quality scan as a job of the job runner (server/store/jobs/job-runner.ts): it walks
// every organization of the chatbot through the API backend, a page at a time, stages each page's
// findings and the records' profiles in the findings store, several pages in one write, and saves
// its cursor after every write, so a scan taken over after a restart goes on from the page after
// the last one staged. Once the
// list is read it groups the profiles (duplicates, industry variants), stages those findings and
// the distributions, and publishes the generation in one transaction: the page shows the old
// findings until then. A cancelled scan's staged rows are dropped (data-quality-routes.ts).
import type { ApiHandler } from '../../api-key.ts';
import type { JobContext, JobWork } from '../../store/jobs/job-runner.ts';
import type { Finding, FindingStore, JsonValue } from '../../store/index.ts';
import type { ListCursor } from '../../../src/lib/organizations/listPaging.ts';
import { organizationCount, walkOrganizations } from '../api-reader.ts';
import { groupFindings } from '../checks/group-checks.ts';
import {
  DISTRIBUTION_CHECK,
  DISTRIBUTION_RECORD,
  PROFILE_CHECK,
  groupFindingToStored,
  profileFromFinding,
  recordFindings,
  type StoredProfile,
} from './record-findings.ts';

export const SCAN_JOB_KIND = 'dataQualityScan';

/** Where a scan stands, saved after every page (the job's checkpoint). */
export type ScanCheckpoint =
  { phase: 'walk'; cursor: ListCursor; done: number } | { phase: 'group'; done: number };

const FIRST: ScanCheckpoint = { phase: 'walk', cursor: { kind: 'newest' }, done: 0 };
/** Findings staged in one write (one transaction of the store). */
export const STAGE_ROWS = 10_000;
/** Values a distribution lists by name; the rest are summed as "Other". */
const DISTRIBUTION_BARS = 12;

export function readCheckpoint(value: JsonValue | null): ScanCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return FIRST;
  const record = value as Record<string, unknown>;
  const done = typeof record.done === 'number' ? record.done : 0;
  if (record.phase === 'group') return { phase: 'group', done };
  const cursor = record.cursor as ListCursor | undefined;
  if (record.phase === 'walk' && typeof cursor === 'object' && cursor !== null) {
    return { phase: 'walk', cursor, done };
  }
  return FIRST;
}

export interface ScanOptions {
  api: ApiHandler;
  findings: FindingStore;
  now: () => number;
  /** Findings staged in one write; STAGE_ROWS unless a test wants smaller batches. */
  stageRows?: number;
}

export function scanJobWork(options: ScanOptions): JobWork {
  return { run: (context) => runScan(options, context) };
}

async function runScan(options: ScanOptions, context: JobContext): Promise<void> {
  const { api, findings, now } = options;
  const stageRows = options.stageRows ?? STAGE_ROWS;
  const { job, signal } = context;
  const chatbotId = job.chatbotId;
  const scanId = job.id;
  const last = await findings.lastScan(chatbotId);
  if (last?.scanId === scanId) return; // published before a crash, not yet marked done
  await findings.beginScan(chatbotId, scanId);

  let at = readCheckpoint(job.checkpoint);
  let total = job.progress.total ?? (await organizationCount(api, chatbotId, signal));
  if (at.phase === 'walk') {
    let done = at.done;
    // Findings of several pages go to the store in one write (STAGE_ROWS): each write is a
    // transaction whose cost grows with the store's size (its keys are record ids, so a page's
    // rows land all over the findings' indexes), and one per page of 250 made the scan of 100,000
    // organizations take minutes. The checkpoint follows each write, so a resumed scan starts
    // after the last page staged and reads again at most the pages of one unsaved batch.
    let pending: Finding[] = [];
    for await (const page of walkOrganizations(api, chatbotId, at.cursor, signal)) {
      for (const organization of page.organizations) pending.push(...recordFindings(organization));
      done += page.organizations.length;
      if (total !== null && done > total) total = done;
      if (pending.length < stageRows && page.next !== null) {
        if (signal.aborted) return;
        continue;
      }
      await findings.stage(chatbotId, scanId, inKeyOrder(pending));
      pending = [];
      const checkpoint: ScanCheckpoint =
        page.next === null ? { phase: 'group', done } : { phase: 'walk', cursor: page.next, done };
      const saved = await context.checkpoint({
        checkpoint: checkpoint as unknown as JsonValue,
        done,
        total,
      });
      if (!saved || signal.aborted) return;
    }
    at = { phase: 'group', done };
    // The count was an estimate (records were added or deleted meanwhile): the walk is exact.
    await context.checkpoint({ checkpoint: at as unknown as JsonValue, done, total: done });
  }

  const profiles = await readProfiles(findings, chatbotId, scanId, signal);
  if (signal.aborted) return;
  const names = new Map(profiles.map((profile) => [profile.recordId, profile.name]));
  const grouped = inKeyOrder(
    groupFindings(profiles).map((finding) =>
      groupFindingToStored(finding, names.get(finding.recordId) ?? ''),
    ),
  );
  for (let start = 0; start < grouped.length; start += stageRows) {
    if (signal.aborted) return;
    await findings.stage(chatbotId, scanId, grouped.slice(start, start + stageRows));
  }
  await findings.stage(chatbotId, scanId, distributions(profiles));
  if (signal.aborted) return;
  await findings.publish(chatbotId, scanId, { scannedAt: now(), recordCount: profiles.length });
}

/**
 * Findings in the order of the store's key (check, key, record): a batch written in that order
 * walks the key's index forward instead of jumping about in it.
 */
function inKeyOrder(findings: Finding[]): Finding[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) => text(a.check, b.check) || text(a.key, b.key) || text(a.recordId, b.recordId),
  );
}

async function readProfiles(
  findings: FindingStore,
  chatbotId: string,
  scanId: string,
  signal: AbortSignal,
): Promise<StoredProfile[]> {
  const profiles: StoredProfile[] = [];
  let cursor: string | undefined;
  do {
    if (signal.aborted) return profiles;
    const page = await findings.list(chatbotId, PROFILE_CHECK, {
      scanId,
      limit: 1_000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const finding of page.findings) profiles.push(profileFromFinding(finding));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return profiles;
}

/** Industry, country and size band counts, largest first, as hidden findings. */
export function distributions(profiles: readonly StoredProfile[]): Finding[] {
  const of = (label: (p: StoredProfile) => string): Finding['detail'] => {
    const counts = new Map<string, number>();
    for (const profile of profiles) {
      const value = label(profile) || 'Not set';
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const sorted = [...counts].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1));
    const shown = sorted.slice(0, DISTRIBUTION_BARS);
    const other = sorted.slice(DISTRIBUTION_BARS).reduce((sum, [, n]) => sum + n, 0);
    const bars = shown.map(([value, count]) => ({ value, count }));
    if (other > 0)
      bars.push({ value: `Other (${sorted.length - DISTRIBUTION_BARS} values)`, count: other });
    return { bars };
  };
  return [
    {
      check: DISTRIBUTION_CHECK,
      recordId: DISTRIBUTION_RECORD,
      key: 'industry',
      detail: of((p) => p.industry.trim()),
    },
    {
      check: DISTRIBUTION_CHECK,
      recordId: DISTRIBUTION_RECORD,
      key: 'country',
      detail: of((p) => p.country),
    },
    {
      check: DISTRIBUTION_CHECK,
      recordId: DISTRIBUTION_RECORD,
      key: 'size',
      detail: of((p) => p.sizeBand),
    },
  ];
}
