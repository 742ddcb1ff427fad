// The data-quality scan end to end through the console app: a seeded sandbox, the console's
// store on both engines, the scan as a job of the real job runner. It reads every organization
// (the seed's import batch has runs of one `created`: tie-safe paging), its counts equal the
// checks run over every record, a write updates the record's findings at once, a restart resumes
// from the saved cursor, a cancel keeps the previous findings, and a viewer may read but not scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandboxApiHandler } from '../../api-key.ts';
import { createConsoleApp } from '../../console-app.ts';
import { consoleAccess } from '../../pipeline/console-access.ts';
import { createSandbox } from '../../sandbox/index.ts';
import type { Sandbox } from '../../sandbox/contract.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import type { ConsoleStore } from '../../store/index.ts';
import { createJobRunner } from '../../store/jobs/job-runner.ts';
import { describeEachEngine, type TestDatabase } from '../../store/test-support/store-engines.ts';
import { walkOrganizations } from '../api-reader.ts';
import { checkRecord } from '../checks/record-checks.ts';
import { groupFindings, profileOf } from '../checks/group-checks.ts';
import { SCAN_JOB_KIND, scanJobWork } from './scan-job.ts';

const ORIGIN = 'http://localhost';
const PAGE = { origin: ORIGIN, 'x-console-request': '1' };
const KEY = 'sandbox-full-access';
const SEEDED = 1_400;

interface Overview {
  lastScan: { recordCount: number } | null;
  checks: { check: string; findings: number; records: number }[];
  distributions: Record<string, { value: string; count: number }[]> | null;
  scan: { id: string; state: string; done: number; total: number | null } | null;
  mayScan: boolean;
}

describeEachEngine('data-quality scan', (engine) => {
  let root: string;
  let sandbox: Sandbox;
  let database: TestDatabase;
  let store: ConsoleStore;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-scan-test-'));
    sandbox = createSandbox({ dataDir: root, seedOrganizations: SEEDED });
    database = await engine.createDatabase();
    store = await database.open();
  });
  afterEach(async () => {
    await database.dispose();
    sandbox.close();
    rmSync(root, { recursive: true, force: true });
  });

  function appFor(openStore: ConsoleStore) {
    return createConsoleApp({
      mode: 'sandbox',
      defaultChatbotId: 'demo',
      api: sandboxApiHandler(sandbox.fetch, KEY),
      distDir: join(root, 'no-dist'),
      maxRequestBodyBytes: 1024 * 1024,
      access: consoleAccess(ORIGIN, 0),
      team: { auth: { mode: 'local' }, store: openStore, now: Date.now, log: () => {} },
    });
  }

  function runnerFor(
    openStore: ConsoleStore,
    work = scanJobWork({
      api: sandboxApiHandler(sandbox.fetch, KEY),
      findings: openStore.findings,
      now: Date.now,
    }),
  ) {
    return createJobRunner({
      store: openStore.jobs,
      owner: 'test',
      work: { [SCAN_JOB_KIND]: work },
      leaseMs: 60_000,
      pollMs: 50,
      log: () => {},
    });
  }

  async function overview(app: ReturnType<typeof appFor>): Promise<Overview> {
    const response = await app.request('/console/chatbots/demo/data-quality');
    expect(response.status).toBe(200);
    return (await response.json()) as Overview;
  }

  /** What the checks find over every organization, read straight from the sandbox. */
  async function expectedCounts(): Promise<Map<string, number>> {
    const organizations: OrganizationDto[] = [];
    const api = sandboxApiHandler(sandbox.fetch, KEY);
    for await (const page of walkOrganizations(api, 'demo', { kind: 'newest' })) {
      organizations.push(...page.organizations);
    }
    const counts = new Map<string, number>();
    const add = (check: string) => counts.set(check, (counts.get(check) ?? 0) + 1);
    for (const organization of organizations)
      for (const f of checkRecord(organization)) add(f.check);
    for (const f of groupFindings(organizations.map(profileOf))) add(f.check);
    counts.set('#records', organizations.length);
    return counts;
  }

  it('reads every organization once and stores each check’s findings', async () => {
    const app = appFor(store);
    const started = await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    expect(started.status).toBe(202);
    const again = await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    expect(again.status).toBe(409);

    expect(await runnerFor(store).runOnce()).toBe(true);
    const view = await overview(app);
    expect(view.scan?.state).toBe('done');
    expect(view.scan?.done).toBe(SEEDED);
    expect(view.lastScan?.recordCount).toBe(SEEDED);
    const expected = await expectedCounts();
    expect(expected.get('#records')).toBe(SEEDED);
    for (const check of view.checks) {
      expect({ check: check.check, findings: check.findings }).toEqual({
        check: check.check,
        findings: expected.get(check.check) ?? 0,
      });
    }
    expect(view.checks.find((c) => c.check === 'duplicateName')?.findings).toBeGreaterThan(10);
    const sizes = view.distributions?.size ?? [];
    expect(sizes.reduce((sum, bar) => sum + bar.count, 0)).toBe(SEEDED);

    const audit = await store.audit.list({ chatbotId: 'demo' });
    expect(audit.entries.map((entry) => entry.operation)).toContain('startScan');
  });

  it('updates a record’s findings at once when it is written through the console', async () => {
    const app = appFor(store);
    await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    await runnerFor(store).runOnce();
    const page = await app.request(
      '/console/chatbots/demo/data-quality/findings?check=invalidEmail&limit=1',
    );
    const { findings } = (await page.json()) as {
      findings: { recordId: string; detail: { value: string } }[];
    };
    const target = findings[0]!;
    const before = (await overview(app)).checks.find((c) => c.check === 'invalidEmail')!.findings;

    const update = await app.request(`/v1/chatbots/demo/organizations/${target.recordId}`, {
      method: 'PATCH',
      headers: { ...PAGE, 'content-type': 'application/json' },
      body: JSON.stringify({ organization: { email: 'fixed@example.com', variables: {} } }),
    });
    expect(update.status).toBe(200);
    const after = (await overview(app)).checks.find((c) => c.check === 'invalidEmail')!.findings;
    expect(after).toBe(before - 1);

    const removed = await app.request(`/v1/chatbots/demo/organizations/${findings[0]!.recordId}`, {
      method: 'DELETE',
      headers: PAGE,
    });
    expect(removed.status).toBe(200);
    expect(await store.findings.forRecord('demo', target.recordId)).toEqual([]);
  });

  it('resumes from its cursor after a restart, and a cancel keeps the last findings', async () => {
    const app = appFor(store);
    await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    // A first runner that stops (a shutdown) after its second write (of about 1,000 findings).
    let pages = 0;
    const inner = scanJobWork({
      api: sandboxApiHandler(sandbox.fetch, KEY),
      findings: store.findings,
      now: Date.now,
      stageRows: 1_000,
    });
    const first = runnerFor(store, {
      run: async (context) => {
        const original = context.checkpoint;
        context.checkpoint = async (progress) => {
          const saved = await original(progress);
          pages += 1;
          if (pages === 2) void first.stop();
          return saved;
        };
        if ('run' in inner) await inner.run(context);
      },
    });
    await first.runOnce();
    const paused = (await overview(app)).scan!;
    expect(paused.state).toBe('queued');
    expect(paused.done).toBeGreaterThan(0);
    expect(paused.done).toBeLessThan(SEEDED);

    // Another replica (a fresh store connection) takes it over and finishes it.
    const second = await database.open();
    expect(await runnerFor(second).runOnce()).toBe(true);
    const done = await overview(app);
    expect(done.scan?.state).toBe('done');
    expect(done.lastScan?.recordCount).toBe(SEEDED);
    const [job] = await store.jobs.list({ chatbotId: 'demo', kinds: [SCAN_JOB_KIND] });
    expect(job?.claims).toBe(2);
    const expected = await expectedCounts();
    for (const check of done.checks) expect(check.findings).toBe(expected.get(check.check) ?? 0);

    // A second scan, cancelled before it runs: the first one's findings stay.
    const again = await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    const { scan } = (await again.json()) as { scan: { id: string } };
    const cancel = await app.request(
      `/console/chatbots/demo/data-quality/scans/${scan.id}/cancel`,
      {
        method: 'POST',
        headers: PAGE,
      },
    );
    expect(cancel.status).toBe(200);
    const kept = await overview(app);
    expect(kept.scan?.state).toBe('cancelled');
    expect(kept.lastScan?.recordCount).toBe(SEEDED);
    expect(kept.checks).toEqual(done.checks);
  });

  it('refuses a scan from another site', async () => {
    const app = appFor(store);
    const response = await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'x-console-request': '1',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(response.status).toBe(403);
    expect(await store.jobs.list({ chatbotId: 'demo' })).toEqual([]);
  });
});
