// Bulk jobs end to end through the console app on both store engines: a seeded sandbox, the real
// job runner, writes through the console's own /v1 steps. Preview writes nothing; a job changes
// every record once, keeps a copy of each, updates the findings and names its creator in the
// audit trail; undo gives back only what nobody changed since; a 429's Retry-After is waited out;
// a role that may not write is refused at the route and at every write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandboxApiHandler, type ApiHandler } from '../../api-key.ts';
import { createAuditRecorder } from '../../audit/audit-recorder.ts';
import { createConsoleApp } from '../../console-app.ts';
import { consoleAccess } from '../../pipeline/console-access.ts';
import type { Actor, ConsoleEnv } from '../../pipeline/console-env.ts';
import { createSandbox } from '../../sandbox/index.ts';
import type { Sandbox } from '../../sandbox/contract.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import type { ConsoleStore, Job } from '../../store/index.ts';
import { createJobRunner } from '../../store/jobs/job-runner.ts';
import { describeEachEngine, type TestDatabase } from '../../store/test-support/store-engines.ts';
import { walkOrganizations } from '../api-reader.ts';
import { bulkJobWork } from './bulk-job.ts';
import { mountBulkRoutes } from './bulk-routes.ts';

const ORIGIN = 'http://localhost';
const PAGE = { origin: ORIGIN, 'x-console-request': '1', 'content-type': 'application/json' };
const KEY = 'sandbox-full-access';
const SEEDED = 120;

describeEachEngine('bulk jobs', (engine) => {
  let root: string;
  let sandbox: Sandbox;
  let database: TestDatabase;
  let store: ConsoleStore;
  let api: ApiHandler;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-bulk-test-'));
    sandbox = createSandbox({ dataDir: root, seedOrganizations: SEEDED });
    api = sandboxApiHandler(sandbox.fetch, KEY);
    database = await engine.createDatabase();
    store = await database.open();
  });
  afterEach(async () => {
    await database.dispose();
    sandbox.close();
    rmSync(root, { recursive: true, force: true });
  });

  function appFor(backend: ApiHandler = api) {
    return createConsoleApp({
      mode: 'sandbox',
      defaultChatbotId: 'demo',
      api: backend,
      distDir: join(root, 'no-dist'),
      maxRequestBodyBytes: 1024 * 1024,
      access: consoleAccess(ORIGIN, 0),
      team: { auth: { mode: 'local' }, store, now: Date.now, log: () => {} },
    });
  }

  function runnerFor(backend: ApiHandler = api, ratePerSecond = 1_000) {
    return createJobRunner({
      store: store.jobs,
      owner: 'test',
      work: bulkJobWork({
        api: backend,
        findings: store.findings,
        recorder: createAuditRecorder(store.audit, () => {}),
        log: () => {},
        ratePerSecond,
      }),
      leaseMs: 60_000,
      pollMs: 50,
      log: () => {},
    });
  }

  async function all(): Promise<OrganizationDto[]> {
    const organizations: OrganizationDto[] = [];
    for await (const page of walkOrganizations(api, 'demo', { kind: 'newest' })) {
      organizations.push(...page.organizations);
    }
    return organizations;
  }

  async function get(id: string): Promise<OrganizationDto> {
    const answer = await appFor().request(`/v1/chatbots/demo/organizations/${id}`);
    return ((await answer.json()) as { organization: OrganizationDto }).organization;
  }

  async function post(app: Hono<ConsoleEnv>, path: string, body?: unknown) {
    const response = await app.request(`/console/chatbots/demo/bulk${path}`, {
      method: 'POST',
      headers: PAGE,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function jobNamed(id: string): Promise<Job> {
    const job = await store.jobs.get(id);
    if (job === null) throw new Error(`no job ${id}`);
    return job;
  }

  it('previews a change without writing, then runs it once per record with a copy of each', async () => {
    const app = appFor();
    const chosen = (await all()).slice(0, 30);
    const ids = chosen.map((o) => o.id);
    const action = { kind: 'setIndustry', value: 'Bulk Testing' };
    const target = { kind: 'selection', ids };

    const preview = await post(app, '/preview', { action, target, offset: 20, limit: 20 });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(30);
    expect(preview.body.nextOffset).toBeNull();
    const rows = preview.body.rows as {
      id: string;
      fields: { before: unknown; after: unknown }[];
    }[];
    expect(rows.map((row) => row.id)).toEqual(ids.slice(20));
    expect(rows[0]!.fields).toEqual([
      { field: 'industry', before: chosen[20]!.industry ?? null, after: 'Bulk Testing' },
    ]);
    expect((await get(ids[0]!)).industry).toBe(chosen[0]!.industry); // nothing written

    const started = await post(app, '/jobs', { action, target });
    expect(started.status).toBe(202);
    const jobId = (started.body.job as { id: string }).id;
    expect(await runnerFor().runOnce()).toBe(true);

    const job = await jobNamed(jobId);
    expect(job.state).toBe('done');
    expect(job.progress.done + job.progress.skipped).toBe(30);
    for (const organization of chosen)
      expect((await get(organization.id)).industry).toBe('Bulk Testing');
    const items = await store.jobs.items(jobId, { limit: 1000 });
    for (const item of items.filter((i) => i.status === 'done')) {
      const original = chosen.find((o) => o.id === item.recordId)!;
      expect(item.before).toMatchObject({ id: original.id, name: original.name });
      expect(item.attempts).toBe(1);
    }
    // Every write is in the audit trail once, with the job's id.
    const audit = await store.audit.list({ chatbotId: 'demo', jobId, limit: 200 });
    const updates = audit.entries.filter((entry) => entry.operation === 'update');
    expect(updates).toHaveLength(job.progress.done);
    expect(new Set(updates.map((entry) => entry.organizationId)).size).toBe(job.progress.done);
    expect(updates[0]!.after).toEqual({ industry: 'Bulk Testing' });
    const started2 = await store.audit.list({ chatbotId: 'demo', operations: ['startBulkJob'] });
    expect(started2.entries.map((entry) => entry.jobId)).toEqual([jobId]);
  });

  it('resolves “all matching a search” on the server through the API’s search paging', async () => {
    const app = appFor();
    const search = await app.request(
      '/v1/chatbots/demo/organizations/search?query=GmbH&page=1&pageSize=250',
    );
    const found = ((await search.json()) as { results: { found: number } }).results.found;
    expect(found).toBeGreaterThan(0);
    const preview = await post(app, '/preview', {
      action: { kind: 'setCountry', value: 'Österreich' },
      target: { kind: 'search', query: 'GmbH' },
      limit: 50,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(found);
    const started = await post(app, '/jobs', {
      action: { kind: 'setCountry', value: 'Österreich' },
      target: { kind: 'search', query: 'GmbH' },
    });
    const job = await jobNamed((started.body.job as { id: string }).id);
    expect(job.progress.total).toBe(found);
    const items = await store.jobs.items(job.id, { limit: 1000 });
    expect(new Set(items.map((item) => item.recordId)).size).toBe(found);
    const empty = await post(app, '/jobs', {
      action: { kind: 'setCountry', value: 'X' },
      target: { kind: 'search', query: 'zzzqqqxxx-nothing' },
    });
    expect(empty.status).toBe(400);
  });

  it('applies a check’s suggested fix and the findings of those records go at once', async () => {
    const app = appFor();
    await app.request('/console/chatbots/demo/data-quality/scans', {
      method: 'POST',
      headers: PAGE,
    });
    const { SCAN_JOB_KIND, scanJobWork } = await import('../scan/scan-job.ts');
    await createJobRunner({
      store: store.jobs,
      owner: 'scan',
      work: { [SCAN_JOB_KIND]: scanJobWork({ api, findings: store.findings, now: Date.now }) },
      leaseMs: 60_000,
      pollMs: 50,
      log: () => {},
    }).runOnce();
    const counts = async () =>
      (await store.findings.counts('demo')).find((c) => c.check === 'surroundingSpaces')
        ?.findings ?? 0;
    expect(await counts()).toBeGreaterThan(0);
    const started = await post(app, '/jobs', {
      action: { kind: 'applyFix', check: 'surroundingSpaces' },
      target: { kind: 'check', check: 'surroundingSpaces' },
    });
    expect(started.status).toBe(202);
    await runnerFor().runOnce();
    const job = await jobNamed((started.body.job as { id: string }).id);
    expect(job.progress.failed).toBe(0);
    expect(await counts()).toBe(0);
  });

  it('undoes a job except for a record somebody changed since', async () => {
    const app = appFor();
    const chosen = (await all()).slice(0, 10);
    const started = await post(app, '/jobs', {
      action: { kind: 'setCountry', value: 'Undoland' },
      target: { kind: 'selection', ids: chosen.map((o) => o.id) },
    });
    const jobId = (started.body.job as { id: string }).id;
    await runnerFor().runOnce();
    // Somebody edits one of them afterwards.
    const edited = chosen[3]!;
    const current = await get(edited.id);
    const patch = await app.request(`/v1/chatbots/demo/organizations/${edited.id}`, {
      method: 'PATCH',
      headers: PAGE,
      body: JSON.stringify({
        organization: {
          address: { ...current.address, country: 'Elsewhere' },
          variables: current.variables,
        },
      }),
    });
    expect(patch.status).toBe(200);

    const undo = await post(app, `/jobs/${jobId}/undo`);
    expect(undo.status).toBe(202);
    expect((await post(app, `/jobs/${jobId}/undo`)).status).toBe(409);
    await runnerFor().runOnce();
    const undoId = (undo.body.job as { id: string }).id;
    const undone = await jobNamed(undoId);
    expect(undone.state).toBe('done');
    expect(undone.progress).toMatchObject({ done: 9, skipped: 1, failed: 0 });
    for (const organization of chosen) {
      const now = await get(organization.id);
      if (organization.id === edited.id) expect(now.address?.country).toBe('Elsewhere');
      else expect(now.address?.country).toBe(organization.address?.country);
    }
    const skipped = await store.jobs.items(undoId, { statuses: ['skipped'] });
    expect(skipped.map((item) => item.recordId)).toEqual([edited.id]);
    expect(skipped[0]!.error).toMatch(/Changed since the job wrote it \(address\.country\)/);
    const view = await app.request(`/console/chatbots/demo/bulk/jobs/${jobId}`);
    expect(((await view.json()) as { job: { undoneBy: string } }).job.undoneBy).toBe(undoId);
  });

  it('waits out a 429 for as long as Retry-After says, then sends the same write again', async () => {
    const slowDowns: number[] = [];
    const retriedAt: number[] = [];
    let refused = 0;
    const limited: ApiHandler = async (request, resolved) => {
      if (resolved.operation.name === 'update') {
        if (refused < 2) {
          refused += 1;
          slowDowns.push(Date.now());
          return Response.json(
            { error: 'Too many requests' },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        retriedAt.push(Date.now());
      }
      return api(request, resolved);
    };
    const app = appFor(limited);
    const chosen = (await all()).slice(0, 3);
    const started = await post(app, '/jobs', {
      action: { kind: 'setIndustry', value: 'Patience' },
      target: { kind: 'selection', ids: chosen.map((o) => o.id) },
    });
    await runnerFor(limited).runOnce();
    const job = await jobNamed((started.body.job as { id: string }).id);
    expect(job.progress).toMatchObject({ done: 3, failed: 0 });
    expect(slowDowns).toHaveLength(2);
    expect(retriedAt[0]! - slowDowns[1]!).toBeGreaterThanOrEqual(990);
    for (const organization of chosen)
      expect((await get(organization.id)).industry).toBe('Patience');
  });

  it('refuses a role that may not write, at the route and at every write of the job', async () => {
    function appAs(actor: Actor) {
      const app = new Hono<ConsoleEnv>();
      mountBulkRoutes(
        app,
        { api, store, recorder: undefined, now: Date.now, log: () => {} },
        async (c, next) => {
          c.set('requestId', 'test');
          c.set('actor', actor);
          await next();
        },
      );
      return app;
    }
    const person = (role: 'viewer' | 'agent' | 'admin'): Actor => ({
      kind: 'person',
      subject: `${role}-1`,
      email: `${role}@example.com`,
      name: role,
      role,
    });
    const ids = (await all()).slice(0, 2).map((o) => o.id);
    const target = { kind: 'selection', ids };
    const viewer = await post(appAs(person('viewer')), '/jobs', {
      action: { kind: 'setIndustry', value: 'X' },
      target,
    });
    expect(viewer.status).toBe(403);
    expect(viewer.body.requiredRole).toBe('agent');
    const agentDelete = await post(appAs(person('agent')), '/jobs', {
      action: { kind: 'delete' },
      target,
    });
    expect(agentDelete.status).toBe(403);
    expect(agentDelete.body.requiredRole).toBe('admin');
    expect(await store.jobs.list({ chatbotId: 'demo' })).toEqual([]);
    const bad = await post(appAs(person('admin')), '/jobs', { action: { kind: 'paint' }, target });
    expect(bad.status).toBe(400);

    // A job whose creator lost the role meanwhile: every write is refused by the role check.
    const admin = await post(appAs(person('admin')), '/jobs', {
      action: { kind: 'delete' },
      target,
    });
    expect(admin.status).toBe(202);
    const job = await jobNamed((admin.body.job as { id: string }).id);
    const params = job.params as { actor: Actor };
    const demoted = await store.jobs.create({
      kind: job.kind,
      chatbotId: 'demo',
      params: { ...(job.params as object), actor: { ...params.actor, role: 'agent' } },
      createdBy: job.createdBy,
      items: ids.map((recordId) => ({ recordId })),
    });
    await store.jobs.cancel(job.id);
    await runnerFor().runOnce();
    const result = await jobNamed(demoted.id);
    expect(result.progress).toMatchObject({ done: 0, failed: 2 });
    const [failed] = await store.jobs.items(demoted.id, { statuses: ['failed'] });
    expect(failed!.error).toMatch(/403.*admin role/);
    for (const id of ids) expect((await get(id)).id).toBe(id);
  });

  it('a replica taking over goes on from the first unfinished record, none done twice', async () => {
    const app = appFor();
    const chosen = (await all()).slice(0, 40);
    const started = await post(app, '/jobs', {
      action: { kind: 'setIndustry', value: 'Taken Over' },
      target: { kind: 'selection', ids: chosen.map((o) => o.id) },
    });
    const jobId = (started.body.job as { id: string }).id;
    let handled = 0;
    const first = runnerFor();
    const inner = bulkJobWork({
      api,
      findings: store.findings,
      recorder: createAuditRecorder(store.audit, () => {}),
      log: () => {},
      ratePerSecond: 1_000,
    }).bulkEdit!;
    const stopping = createJobRunner({
      store: store.jobs,
      owner: 'first',
      work: {
        bulkEdit: {
          item: async (item, context) => {
            if (!('item' in inner)) throw new Error('bulk work has items');
            const result = await inner.item(item, context);
            handled += 1;
            if (handled === 15) void stopping.stop();
            return result;
          },
        },
      },
      leaseMs: 60_000,
      pollMs: 50,
      log: () => {},
    });
    await stopping.runOnce();
    expect((await jobNamed(jobId)).progress.done).toBe(15);
    await first.runOnce();
    const job = await jobNamed(jobId);
    expect(job.state).toBe('done');
    expect(job.claims).toBe(2);
    const audit = await store.audit.list({
      chatbotId: 'demo',
      jobId,
      operations: ['update'],
      limit: 200,
    });
    const written = audit.entries.map((entry) => entry.organizationId).sort();
    expect(written).toEqual(chosen.map((o) => o.id).sort());
  });
});
