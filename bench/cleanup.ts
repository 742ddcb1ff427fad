// `npm run bench:cleanup`: the cleanup workbench at scale, in one process — a sandbox seeded with
// BENCH_ORGANIZATIONS (default 100,000), the console app over it with a SQLite store, and the real
// job runner. Prints the data-quality scan's time (walk, checks, staging, grouping, publish), the
// duplicate grouping alone, an export of every organization as CSV through the console's route,
// and the process's memory growth during the export, beside the issue's targets, with the load
// average. Figures, not a pass/fail: the machine is shared and noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxApiHandler } from '../server/api-key.ts';
import { walkOrganizations } from '../server/cleanup/api-reader.ts';
import { groupFindings, profileOf } from '../server/cleanup/checks/group-checks.ts';
import { SCAN_JOB_KIND, scanJobWork } from '../server/cleanup/scan/scan-job.ts';
import { createConsoleApp } from '../server/console-app.ts';
import { consoleAccess } from '../server/pipeline/console-access.ts';
import { createSandbox } from '../server/sandbox/index.ts';
import { openConsoleStore } from '../server/store/open-console-store.ts';
import { createJobRunner } from '../server/store/jobs/job-runner.ts';
import { benchBulkUpdate } from './bulk-update.ts';

const COUNT = Number(process.env.BENCH_ORGANIZATIONS ?? 100_000);
const KEY = 'sandbox-full-access';
const ORIGIN = 'http://localhost';
const MB = 1024 * 1024;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const root = mkdtempSync(join(tmpdir(), 'bench-cleanup-'));
try {
  console.log(
    `Seeding the sandbox with ${COUNT.toLocaleString('en')} organizations… (load ${load()})`,
  );
  let t0 = performance.now();
  const sandbox = createSandbox({ dataDir: join(root, 'sandbox'), seedOrganizations: COUNT });
  const api = sandboxApiHandler(sandbox.fetch, KEY);
  // The first request waits for the search index.
  await api(new Request('http://sandbox/v1/chatbots/demo/organizations?limit=1'), {
    operation: { name: 'list' } as never,
    parameters: { chatbotId: 'demo' },
    path: '/v1/chatbots/demo/organizations',
    search: '?limit=1',
  });
  console.log(`  seeded in ${seconds(performance.now() - t0)}`);
  const store = await openConsoleStore({ dataDir: join(root, 'store') });
  const app = createConsoleApp({
    mode: 'sandbox',
    defaultChatbotId: 'demo',
    api,
    distDir: join(root, 'no-dist'),
    maxRequestBodyBytes: 1024 * 1024,
    access: consoleAccess(ORIGIN, 0),
    team: { auth: { mode: 'local' }, store, now: Date.now, log: () => {} },
  });

  // The scan, as the page starts it, worked by the job runner.
  const started = await app.request('/console/chatbots/demo/data-quality/scans', {
    method: 'POST',
    headers: { origin: ORIGIN, 'x-console-request': '1' },
  });
  if (started.status !== 202) throw new Error(`starting the scan: HTTP ${started.status}`);
  const runner = createJobRunner({
    store: store.jobs,
    owner: 'bench',
    work: { [SCAN_JOB_KIND]: scanJobWork({ api, findings: store.findings, now: Date.now }) },
    leaseMs: 120_000,
    pollMs: 100,
    log: () => {},
  });
  t0 = performance.now();
  const scanCpu = process.cpuUsage();
  await runner.runOnce();
  const scanMs = performance.now() - t0;
  const scanCpuUsed = process.cpuUsage(scanCpu);
  const scanCpuMs = (scanCpuUsed.user + scanCpuUsed.system) / 1000;
  const overview = (await (await app.request('/console/chatbots/demo/data-quality')).json()) as {
    lastScan: { recordCount: number } | null;
    checks: { check: string; findings: number }[];
  };
  const findings = overview.checks.reduce((sum, check) => sum + check.findings, 0);

  // Grouping alone, over the profiles of every organization (read first, not timed).
  const organizations = [];
  for await (const page of walkOrganizations(api, 'demo', { kind: 'newest' })) {
    organizations.push(...page.organizations);
  }
  const profiles = organizations.map(profileOf);
  const bulkIds = profiles.slice(0, 2_000).map((profile) => profile.recordId);
  organizations.length = 0;
  t0 = performance.now();
  const groups = groupFindings(profiles);
  const groupMs = performance.now() - t0;

  // The export of everything through the console's route, its body read as a browser would.
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  t0 = performance.now();
  const response = await app.request('/console/chatbots/demo/organizations.csv');
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
  }
  const exportMs = performance.now() - t0;
  clearInterval(sampler);

  console.log(
    `\nCleanup workbench at ${COUNT.toLocaleString('en')} organizations (load ${load()}):`,
  );
  console.log(
    `  scan (walk, checks, stage, group, publish)  ${seconds(scanMs).padStart(8)}   target ≤ 20 s   ` +
      `${overview.lastScan?.recordCount.toLocaleString('en')} read, ${findings.toLocaleString('en')} findings, ` +
      `CPU ${seconds(scanCpuMs)} (user ${seconds(scanCpuUsed.user / 1000)})`,
  );
  console.log(
    `  duplicate + industry grouping              ${seconds(groupMs).padStart(8)}   target ≤ 5 s    ` +
      `${groups.length.toLocaleString('en')} group findings`,
  );
  console.log(
    `  export of all as CSV                       ${seconds(exportMs).padStart(8)}   target ≤ 15 s   ` +
      `${(bytes / MB).toFixed(1)} MB, ${lines.toLocaleString('en')} lines`,
  );
  console.log(
    `  server memory growth during the export     ${`${((rssPeak - rssBefore) / MB).toFixed(0)} MB`.padStart(8)}   target ≤ 100 MB (peak RSS − RSS before)`,
  );

  // A bulk update of 1,000 records, paced as configured, then another 1,000 unpaced.
  const bulk = await benchBulkUpdate(app, store, api, bulkIds);
  console.log(
    `  bulk update of ${bulk.records.toLocaleString('en')} records (${bulk.ratePerSecond}/s pace)  ${seconds(bulk.pacedMs).padStart(8)}   target ≤ 30 s   ` +
      `unpaced ${seconds(bulk.unpacedMs)} (CPU ${seconds(bulk.unpacedCpuMs)}); ${bulk.done.toLocaleString('en')} done, ${bulk.failed} failed (load ${load()})`,
  );
  await store.close();
  sandbox.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
