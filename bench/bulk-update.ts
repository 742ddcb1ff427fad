// The bulk-update part of `npm run bench:cleanup` (bench/cleanup.ts): "Set the industry" on 1,000
// organizations as a bulk job started through the console's route and worked by the real job
// runner — once at the configured pace (BULK_RATE_PER_SECOND, default 50 a second: what a person
// waits for) and once unpaced on another 1,000, to show what the server itself spends per record
// (wall and CPU time: the read, the copy, the write through the /v1 steps, the findings, the audit).
import type { Hono } from 'hono';
import type { ApiHandler } from '../server/api-key.ts';
import { createAuditRecorder } from '../server/audit/audit-recorder.ts';
import { bulkRateSetting } from '../server/cleanup/bulk/bulk-config.ts';
import { bulkJobWork } from '../server/cleanup/bulk/bulk-job.ts';
import type { ConsoleEnv } from '../server/pipeline/console-env.ts';
import type { ConsoleStore } from '../server/store/index.ts';
import { createJobRunner } from '../server/store/jobs/job-runner.ts';

export interface BulkFigures {
  records: number;
  ratePerSecond: number;
  pacedMs: number;
  unpacedMs: number;
  unpacedCpuMs: number;
  done: number;
  failed: number;
}

async function runJob(
  app: Hono<ConsoleEnv>,
  store: ConsoleStore,
  api: ApiHandler,
  ids: readonly string[],
  ratePerSecond: number,
  value: string,
): Promise<{ ms: number; cpuMs: number; done: number; failed: number }> {
  const started = await app.request('/console/chatbots/demo/bulk/jobs', {
    method: 'POST',
    headers: {
      origin: 'http://localhost',
      'x-console-request': '1',
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      action: { kind: 'setIndustry', value },
      target: { kind: 'selection', ids },
    }),
  });
  if (started.status !== 202) throw new Error(`starting the bulk job: HTTP ${started.status}`);
  const { job } = (await started.json()) as { job: { id: string } };
  const runner = createJobRunner({
    store: store.jobs,
    owner: 'bench',
    work: bulkJobWork({
      api,
      findings: store.findings,
      recorder: createAuditRecorder(store.audit, () => {}),
      log: () => {},
      ratePerSecond,
    }),
    leaseMs: 120_000,
    pollMs: 100,
    log: () => {},
  });
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await runner.runOnce();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const finished = await store.jobs.get(job.id);
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    done: finished?.progress.done ?? 0,
    failed: finished?.progress.failed ?? 0,
  };
}

/** Two bulk jobs of `records` each over `ids` (needs 2 × records ids). */
export async function benchBulkUpdate(
  app: Hono<ConsoleEnv>,
  store: ConsoleStore,
  api: ApiHandler,
  ids: readonly string[],
  records = 1_000,
): Promise<BulkFigures> {
  const configured = bulkRateSetting(process.env);
  if (typeof configured === 'string') throw new Error(configured);
  const paced = await runJob(app, store, api, ids.slice(0, records), configured, 'Bench paced');
  const unpaced = await runJob(
    app,
    store,
    api,
    ids.slice(records, 2 * records),
    10_000,
    'Bench unpaced',
  );
  return {
    records,
    ratePerSecond: configured,
    pacedMs: paced.ms,
    unpacedMs: unpaced.ms,
    unpacedCpuMs: unpaced.cpuMs,
    done: paced.done + unpaced.done,
    failed: paced.failed + unpaced.failed,
  };
}
