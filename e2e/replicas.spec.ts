// Two console replicas on one throwaway PostgreSQL behind a round-robin proxy, in Chromium: sign
// in through one replica, work through the other (the update is in the one audit trail), then
// `kill -9` a replica and go on with the same session on the survivor. Ports: the proxy on
// E2E_PORT + 8 (REPLICAS_E2E_PORT overrides), the demo provider on E2E_PORT + 12; the replicas
// and the API backend take free ports from the OS; PostgreSQL within POSTGRES_TEST_PORTS when set.
// The replica killed is the one running a bulk job, paced so it is mid-way: the survivor takes the
// job over once the dead one's lease runs out (server/main.ts: 30 s) and finishes it, no record
// done twice.
import { expect, test } from '@playwright/test';
import { startReplicaSet, type ReplicaSet } from '../server/ops/test-support/replica-set.ts';
import { openConsoleStore, type AuditEntry } from '../server/store/index.ts';
import { postgresTestPorts } from '../server/store/test-support/postgres-for-tests.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { fromPage } from './page-request.ts';

const proxyPort = Number(process.env.REPLICAS_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 8);
const API = '/v1/chatbots/demo/organizations';
const BULK = '/console/chatbots/demo/bulk/jobs';
/** Records of the bulk job, written at BULK_RATE: some 15 s of work. */
const BULK_RECORDS = 120;
const BULK_RATE = 8;

let replicas: ReplicaSet | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Five processes and a PostgreSQL cluster, each compiling or initialising on a cold 2-core CI
  // machine: generous, and a start that still runs out says which step it reached and when.
  test.setTimeout(330_000);
  replicas = await startReplicaSet({
    ports: {
      proxy: proxyPort,
      demoProvider: proxyPort + 4,
      postgres: postgresTestPorts(process.env),
    },
    seedOrganizations: 300,
    startTimeoutMs: 320_000,
    replicaEnv: { BULK_RATE_PER_SECOND: String(BULK_RATE) },
  });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await replicas?.close();
});

test('a session made on one replica works on the other, and survives the loss of either', async ({
  page,
}) => {
  // The takeover of the bulk job waits for the dead replica's 30 s lease.
  test.setTimeout(300_000);
  const set = replicas!;
  const { proxy } = set;

  // Sign in through replica 0 alone: the sign-in, its callback and the session are made there.
  proxy.pin(0);
  const before = [...proxy.served];
  await page.goto(`${set.url}/chatbots/demo/organizations`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail').fill('admin@demo.test');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${set.url}/chatbots/demo/organizations`);
  await expect(page.getByRole('link').filter({ hasText: /\S/ }).first()).toBeVisible();
  expect(proxy.served[0]).toBeGreaterThan(before[0]!);
  expect(proxy.served[1]).toBe(before[1]);

  // Work through replica 1 alone: the session is the store's, not replica 0's.
  proxy.pin(1);
  const servedBy1 = proxy.served[1]!;
  const session = await fromPage(page, '/console/session');
  expect(session).toMatchObject({ status: 200, body: { role: 'admin', mode: 'demo' } });
  const list = await fromPage(page, `${API}?limit=1`);
  expect(list.status).toBe(200);
  const first = (list.body.organizations as { id: string; name: string }[])[0]!;
  const industry = `Checked on replica 1 (${Date.now()})`;
  const update = await fromPage(page, `${API}/${encodeURIComponent(first.id)}`, {
    method: 'PATCH',
    body: { organization: { industry, variables: {} } },
  });
  expect(update.status).toBe(200);
  expect(proxy.served[1]).toBeGreaterThan(servedBy1);

  // Replica 0 reads the update in the one audit trail.
  proxy.pin(0);
  const audit = await fromPage(page, '/console/audit?limit=5');
  expect(audit.status).toBe(200);
  expect((audit.body.entries as Record<string, unknown>[])[0]).toMatchObject({
    actorEmail: 'admin@demo.test',
    operation: 'update',
    organizationId: first.id,
    after: { industry },
    status: 200,
  });

  // A bulk job through the balancer (any replica may take it), not touching `first`.
  proxy.pin(undefined);
  const listed = await fromPage(page, `${API}?limit=${BULK_RECORDS + 1}`);
  const ids = (listed.body.organizations as { id: string }[])
    .map(({ id }) => id)
    .filter((id) => id !== first.id)
    .slice(0, BULK_RECORDS);
  const bulkIndustry = `Set by a bulk job (${Date.now()})`;
  const started = await fromPage(page, BULK, {
    method: 'POST',
    body: {
      action: { kind: 'setIndustry', value: bulkIndustry },
      target: { kind: 'selection', ids },
    },
  });
  expect(started.status).toBe(202);
  const jobId = (started.body.job as { id: string }).id;
  const bulkJob = async () =>
    (await fromPage(page, `${BULK}/${jobId}`)).body.job as {
      state: string;
      done: number;
      failed: number;
      skipped: number;
    };
  await expect
    .poll(async () => (await bulkJob()).done, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(20);

  // kill -9 the replica running it (its lease names its process); round robin again: every
  // request now lands on the survivor, same session.
  const store = await openConsoleStore({ dataDir: '/nonexistent', databaseUrl: set.databaseUrl });
  try {
    const owner = (await store.jobs.get(jobId))?.leaseOwner ?? '';
    const running = set.replicas.findIndex(({ child }) => owner.endsWith(`:${child.pid}`));
    expect(running, `the job's lease owner ${owner} is a replica`).toBeGreaterThanOrEqual(0);
    const survivor = 1 - running;
    await set.kill(running);
    const afterKill = proxy.served[survivor]!;
    await page.reload();
    await expect(page.getByRole('link').filter({ hasText: /\S/ }).first()).toBeVisible();
    for (let i = 0; i < 4; i += 1) {
      expect((await fromPage(page, '/console/session')).status).toBe(200);
    }
    const read = await fromPage(page, `${API}/${encodeURIComponent(first.id)}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ organization: { industry } });
    expect(proxy.served[survivor]).toBeGreaterThan(afterKill + 4);

    // The survivor takes the job over once the lease runs out and finishes it: every record
    // changed, none twice (the one in flight at the kill, begun, may be tried a second time).
    await expect
      .poll(async () => (await bulkJob()).state, { timeout: 150_000, intervals: [1_000] })
      .toBe('done');
    expect(await bulkJob()).toMatchObject({ done: BULK_RECORDS, failed: 0, skipped: 0 });
    const items = await store.jobs.items(jobId, { limit: 1_000 });
    expect(items.map((item) => item.status)).toEqual(ids.map(() => 'done'));
    expect(items.filter((item) => item.attempts > 1).length).toBeLessThanOrEqual(1);
    expect(items.every((item) => item.attempts <= 2)).toBe(true);
    expect((await store.jobs.get(jobId))?.claims).toBe(2);
    const audited: AuditEntry[] = [];
    for (let cursor: string | undefined, more = true; more; more = cursor !== undefined) {
      const listedEntries = await store.audit.list({
        chatbotId: 'demo',
        jobId,
        operations: ['update'],
        limit: 500,
        ...(cursor === undefined ? {} : { cursor }),
      });
      audited.push(...listedEntries.entries);
      cursor = listedEntries.nextCursor ?? undefined;
    }
    const writes = new Map<string, number>();
    for (const entry of audited) {
      writes.set(entry.organizationId ?? '', (writes.get(entry.organizationId ?? '') ?? 0) + 1);
    }
    expect([...writes.values()].every((count) => count === 1)).toBe(true);
    for (const id of ids.slice(0, 3).concat(ids.slice(-3))) {
      const record = await fromPage(page, `${API}/${encodeURIComponent(id)}`);
      expect(record.body).toMatchObject({ organization: { industry: bulkIndustry } });
    }
  } finally {
    await store.close();
  }
  await expectNoSeriousA11yViolations(page);

  // Every log line of the replicas is JSON; none holds the session cookie's value.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'console_session');
  expect(cookie?.value).toBeTruthy();
  for (const replica of set.replicas) {
    const lines = replica.output().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(replica.output()).not.toContain(cookie!.value);
  }
});
