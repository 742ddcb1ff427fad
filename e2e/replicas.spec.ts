// Two console replicas on one throwaway PostgreSQL behind a round-robin proxy, in Chromium: sign
// in through one replica, work through the other (the update is in the one audit trail), then
// `kill -9` a replica and go on with the same session on the survivor. Ports: the proxy on
// E2E_PORT + 8 (REPLICAS_E2E_PORT overrides), the demo provider on E2E_PORT + 12; the replicas
// and the API backend take free ports from the OS; PostgreSQL within POSTGRES_TEST_PORTS when set.
// (Bulk jobs do not exist yet: the kill of a replica running one waits for them; the takeover is
// tested at the store level in server/store/jobs/job-runner.test.ts.)
import { expect, test } from '@playwright/test';
import { startReplicaSet, type ReplicaSet } from '../server/ops/test-support/replica-set.ts';
import { postgresTestPorts } from '../server/store/test-support/postgres-for-tests.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { fromPage } from './page-request.ts';

const proxyPort = Number(process.env.REPLICAS_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 8);
const API = '/v1/chatbots/demo/organizations';

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
  });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await replicas?.close();
});

test('a session made on one replica works on the other, and survives the loss of either', async ({
  page,
}) => {
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

  // kill -9 replica 0; round robin again: every request now lands on replica 1, same session.
  proxy.pin(undefined);
  await set.kill(0);
  const afterKill = proxy.served[1]!;
  await page.reload();
  await expect(page.getByRole('link').filter({ hasText: /\S/ }).first()).toBeVisible();
  for (let i = 0; i < 4; i += 1) {
    expect((await fromPage(page, '/console/session')).status).toBe(200);
  }
  const read = await fromPage(page, `${API}/${encodeURIComponent(first.id)}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ organization: { industry } });
  expect(proxy.served[1]).toBeGreaterThan(afterKill + 4);
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
