// `npm run bench:store`: throughput and latency of the console store's hot paths (session lookup
// and touch, audit append and page, job item results) on SQLite and on a throwaway PostgreSQL
// cluster (started here as the tests start theirs), side by side. Figures only, no budget: the
// per-request work of sign-in and audit is what they show. BENCH_STORE_SCALE=0.2 for a quick look.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleStore } from '../server/store/console-store.ts';
import { openConsoleStore } from '../server/store/open-console-store.ts';
import { startPostgresCluster } from '../server/store/test-support/postgres-cluster.ts';
import { postgresTestPorts } from '../server/store/test-support/postgres-for-tests.ts';

const SCALE = Number(process.env.BENCH_STORE_SCALE ?? 1);
const count = (n: number) => Math.max(10, Math.round(n * SCALE));

interface Figure {
  name: string;
  operations: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

async function timed(
  name: string,
  operations: number,
  operation: (i: number) => Promise<unknown>,
  inFlight = 1,
): Promise<Figure> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < operations) {
      const i = next++;
      const t0 = performance.now();
      await operation(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { name, operations, perSecond: operations / seconds, p50Ms: at(50), p95Ms: at(95) };
}

async function measure(store: ConsoleStore): Promise<Figure[]> {
  const session = {
    subject: 'bench-user',
    email: 'bench@demo.test',
    name: 'Bench',
    role: 'agent' as const,
    idToken: null,
    idleTimeoutMs: 1_800_000,
    absoluteTimeoutMs: 43_200_000,
  };
  const ids: string[] = [];
  for (let i = 0; i < 1_000; i += 1) ids.push((await store.sessions.create(session)).id);
  const pick = (i: number) => ids[(i * 7919) % ids.length] as string;
  const figures: Figure[] = [];
  figures.push(await timed('session lookup', count(5_000), (i) => store.sessions.get(pick(i))));
  figures.push(
    await timed(
      'session lookup, 16 in flight',
      count(5_000),
      (i) => store.sessions.get(pick(i)),
      16,
    ),
  );
  figures.push(
    await timed('session touch (no write due)', count(5_000), (i) => store.sessions.touch(pick(i))),
  );

  const entry = (i: number) => ({
    actorSubject: `user-${i % 20}`,
    actorEmail: `user-${i % 20}@demo.test`,
    operation: i % 10 === 0 ? 'deleteOrganization' : 'updateOrganization',
    chatbotId: 'demo',
    organizationId: `org-${i % 2_000}`,
    organizationName: `Organization ${i % 2_000}`,
    before: { industry: 'Retail', website: 'example.com' },
    after: { industry: 'Wholesale', website: 'https://example.com' },
    status: 200,
    error: null,
    requestId: `req-${i}`,
  });
  figures.push(await timed('audit append', count(10_000), (i) => store.audit.append(entry(i))));
  figures.push(
    await timed(
      'audit append, 16 in flight',
      count(10_000),
      (i) => store.audit.append(entry(i)),
      16,
    ),
  );
  figures.push(
    await timed('audit page of 100, newest', count(500), () => store.audit.list({ limit: 100 })),
  );
  figures.push(
    await timed('audit page of 100, one person', count(500), (i) =>
      store.audit.list({ actorSubject: `user-${i % 20}`, limit: 100 }),
    ),
  );

  const items = Array.from({ length: count(5_000) }, (_, i) => ({
    recordId: `org-${i}`,
    before: { industry: 'retail' },
    after: { industry: 'Retail' },
  }));
  await store.jobs.create({
    kind: 'bulkUpdate',
    chatbotId: 'demo',
    params: {},
    createdBy: null,
    items,
  });
  const claimed = await store.jobs.claim({ owner: 'bench', leaseMs: 600_000 });
  if (claimed === null) throw new Error('The bench job was not claimed.');
  figures.push(
    await timed('job item result (begin + record)', items.length, async (i) => {
      await store.jobs.beginItem(claimed.lease, i + 1);
      await store.jobs.recordItem(claimed.lease, i + 1, { status: 'done' });
    }),
  );
  return figures;
}

function format(engine: string, figures: Figure[]): string {
  const lines = figures.map(
    (f) =>
      `${engine.padEnd(9)} ${f.name.padEnd(36)} ${String(f.operations).padStart(6)} ` +
      `${Math.round(f.perSecond).toLocaleString('en').padStart(10)}/s ` +
      `${f.p50Ms.toFixed(3).padStart(8)} ${f.p95Ms.toFixed(3).padStart(8)}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [load1, load5] = loadavg();
  console.log(
    `Console store benchmark: ${availableParallelism()} CPUs, load average ${load1?.toFixed(2)} / ${load5?.toFixed(2)} (1 / 5 min)`,
  );
  console.log(
    `${'engine'.padEnd(9)} ${'operation'.padEnd(36)} ${'ops'.padStart(6)} ${'throughput'.padStart(12)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'console-store-bench-'));
  try {
    const sqlite = await openConsoleStore({ dataDir });
    try {
      console.log(format('sqlite', await measure(sqlite)));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const cluster = await startPostgresCluster({ ports: postgresTestPorts(process.env) });
  try {
    const databaseUrl = await cluster.createDatabase();
    const postgres = await openConsoleStore({ dataDir, databaseUrl, poolSize: 10 });
    try {
      console.log(format('postgres', await measure(postgres)));
    } finally {
      await postgres.close();
    }
  } finally {
    await cluster.stop();
  }
  console.log(
    'PostgreSQL runs with fsync off (a test cluster on this machine): its write figures are an upper bound.',
  );
}

await main();
