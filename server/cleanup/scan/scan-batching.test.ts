// What kept the scan of 100,000 organizations in minutes rather than seconds, counted rather than
// timed: one findings write (a store transaction, whose cost grows with the store) per page of
// 250 organizations. The scan must stage whole batches of findings, and read each page of the
// list with about one API request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandboxApiHandler, type ApiHandler } from '../../api-key.ts';
import { createSandbox } from '../../sandbox/index.ts';
import type { Sandbox } from '../../sandbox/contract.ts';
import type { ConsoleStore, Finding, FindingStore } from '../../store/index.ts';
import { createJobRunner } from '../../store/jobs/job-runner.ts';
import { openConsoleStore } from '../../store/open-console-store.ts';
import { PROFILE_CHECK } from './record-findings.ts';
import { SCAN_JOB_KIND, scanJobWork, STAGE_ROWS } from './scan-job.ts';

const KEY = 'sandbox-full-access';
const SEEDED = 1_400;

let root: string;
let sandbox: Sandbox;
let store: ConsoleStore;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'console-scan-batching-'));
  sandbox = createSandbox({ dataDir: join(root, 'sandbox'), seedOrganizations: SEEDED });
  store = await openConsoleStore({ dataDir: join(root, 'store') });
});
afterEach(async () => {
  await store.close();
  sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

/** Runs one scan with the findings store's writes and the API's list requests counted. */
async function countedScan(stageRows?: number) {
  const writes: { rows: number; profiles: number }[] = [];
  const findings: FindingStore = {
    ...store.findings,
    stage: async (chatbotId: string, scanId: string, rows: readonly Finding[]) => {
      writes.push({
        rows: rows.length,
        profiles: rows.filter((row) => row.check === PROFILE_CHECK).length,
      });
      await store.findings.stage(chatbotId, scanId, rows);
    },
  };
  let listRequests = 0;
  const inner = sandboxApiHandler(sandbox.fetch, KEY);
  const api: ApiHandler = (request, resolved) => {
    if (resolved.operation.name === 'list') listRequests += 1;
    return inner(request, resolved);
  };
  await store.jobs.create({ kind: SCAN_JOB_KIND, chatbotId: 'demo', params: {}, createdBy: null });
  const runner = createJobRunner({
    store: store.jobs,
    owner: 'test',
    work: {
      [SCAN_JOB_KIND]: scanJobWork({
        api,
        findings,
        now: Date.now,
        ...(stageRows === undefined ? {} : { stageRows }),
      }),
    },
    leaseMs: 60_000,
    pollMs: 50,
    log: () => {},
  });
  expect(await runner.runOnce()).toBe(true);
  expect((await store.findings.lastScan('demo'))?.recordCount).toBe(SEEDED);
  return { writes, listRequests };
}

it('stages the walk’s findings in batches, not a write per page of the list', async () => {
  const { writes, listRequests } = await countedScan();
  // Every organization's profile is staged once, all in the walk's single batch (1,400
  // organizations make fewer findings than STAGE_ROWS).
  const walk = writes.filter((write) => write.profiles > 0);
  expect(walk.reduce((sum, write) => sum + write.profiles, 0)).toBe(SEEDED);
  expect(walk).toHaveLength(1);
  expect(walk[0]!.rows).toBeLessThan(STAGE_ROWS);
  // A page of the list is one request of up to 250 (a few more where runs of one instant widen a
  // page): the reads do not grow with what was read before.
  expect(listRequests).toBeLessThanOrEqual(Math.ceil(SEEDED / 250) + 4);
});

it('fills each write to its batch size before staging it', async () => {
  const { writes } = await countedScan(500);
  const walk = writes.filter((write) => write.profiles > 0);
  expect(walk.length).toBeGreaterThan(2);
  // All but the last reach the batch size; none is as small as one page's findings alone.
  for (const write of walk.slice(0, -1)) expect(write.rows).toBeGreaterThanOrEqual(500);
  expect(walk.length).toBeLessThanOrEqual(
    Math.ceil(walk.reduce((sum, write) => sum + write.rows, 0) / 500),
  );
});
