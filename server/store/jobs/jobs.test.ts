import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsoleStore } from '../console-store.ts';
import { StoreInputError } from '../errors.ts';
import {
  describeEachEngine,
  freshStoreForEachTest,
  type TestDatabase,
} from '../test-support/store-engines.ts';
import type { JobLease, NewJob, NewJobItem } from './job-store.ts';

const LEASE = 30_000;

function items(count: number, prefix = 'org'): NewJobItem[] {
  return Array.from({ length: count }, (_, i) => ({
    recordId: `${prefix}-${i + 1}`,
    before: { industry: 'retail', name: `Name ${i + 1}` },
    after: { industry: 'Retail' },
  }));
}

function bulkJob(overrides: Partial<NewJob> = {}): NewJob {
  return {
    kind: 'bulkUpdate',
    chatbotId: 'demo',
    params: { fields: ['industry'], value: 'Retail', source: { search: 'retail' } },
    createdBy: 'sub-agent',
    items: items(5),
    ...overrides,
  };
}

describeEachEngine('jobs', (engine) => {
  const t = freshStoreForEachTest(engine, { poolSize: 4 });

  it('creates a queued job with its items numbered in order', async () => {
    const job = await t.store.jobs.create(bulkJob());
    expect(job).toMatchObject({
      kind: 'bulkUpdate',
      chatbotId: 'demo',
      params: bulkJob().params as object,
      createdBy: 'sub-agent',
      state: 'queued',
      progress: { total: 5, done: 0, failed: 0, skipped: 0 },
      checkpoint: null,
      leaseOwner: null,
      claims: 0,
      createdAt: t.clock.now(),
      startedAt: null,
      finishedAt: null,
    });
    expect(await t.store.jobs.get(job.id)).toEqual(job);
    const stored = await t.store.jobs.items(job.id);
    expect(stored.map((item) => [item.seq, item.recordId, item.status, item.attempts])).toEqual([
      [1, 'org-1', 'pending', 0],
      [2, 'org-2', 'pending', 0],
      [3, 'org-3', 'pending', 0],
      [4, 'org-4', 'pending', 0],
      [5, 'org-5', 'pending', 0],
    ]);
    expect(stored[0]?.before).toEqual({ industry: 'retail', name: 'Name 1' });
    expect(await t.store.jobs.itemCounts(job.id)).toEqual({
      pending: 5,
      done: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('creates thousands of items in one call', async () => {
    const job = await t.store.jobs.create(bulkJob({ items: items(12_345) }));
    expect(job.progress.total).toBe(12_345);
    const last = await t.store.jobs.items(job.id, { afterSeq: 12_340 });
    expect(last.map((item) => [item.seq, item.recordId])).toEqual([
      [12_341, 'org-12341'],
      [12_342, 'org-12342'],
      [12_343, 'org-12343'],
      [12_344, 'org-12344'],
      [12_345, 'org-12345'],
    ]);
  });

  it('claims the oldest runnable job with a lease, and no job twice', async () => {
    const first = await t.store.jobs.create(bulkJob());
    t.clock.advance(1);
    const second = await t.store.jobs.create(
      bulkJob({ kind: 'scan', items: undefined, total: null }),
    );
    t.clock.advance(1);
    await t.store.jobs.create(bulkJob({ paused: true }));

    const a = await t.store.jobs.claim({ owner: 'replica-a', leaseMs: LEASE });
    expect(a?.job).toMatchObject({
      id: first.id,
      state: 'running',
      leaseOwner: 'replica-a',
      leaseExpiresAt: t.clock.now() + LEASE,
      claims: 1,
      startedAt: t.clock.now(),
    });
    expect(a?.lease).toMatchObject({
      jobId: first.id,
      owner: 'replica-a',
      expiresAt: t.clock.now() + LEASE,
    });
    const b = await t.store.jobs.claim({ owner: 'replica-b', leaseMs: LEASE });
    expect(b?.job.id).toBe(second.id);
    expect(await t.store.jobs.claim({ owner: 'replica-c', leaseMs: LEASE })).toBeNull();
  });

  it('claims only the kinds asked for', async () => {
    const scan = await t.store.jobs.create(bulkJob({ kind: 'scan', items: undefined }));
    await t.store.jobs.create(bulkJob());
    expect(
      (await t.store.jobs.claim({ owner: 'w', leaseMs: LEASE, kinds: ['scan'] }))?.job.id,
    ).toBe(scan.id);
    expect(
      await t.store.jobs.claim({ owner: 'w', leaseMs: LEASE, kinds: ['scan', 'undo'] }),
    ).toBeNull();
  });

  it('records each item once, keeps the counters and the copies, and finishes', async () => {
    const job = await t.store.jobs.create(bulkJob());
    const { lease } = (await t.store.jobs.claim({ owner: 'w', leaseMs: LEASE }))!;
    expect(await t.store.jobs.beginItem(lease, 1)).toBe(true);
    expect(
      await t.store.jobs.recordItem(lease, 1, {
        status: 'done',
        before: { industry: 'retail', name: 'Name 1', updated: '2026-01-15T08:00:00Z' },
      }),
    ).toBe(true);
    await t.store.jobs.recordItem(lease, 2, {
      status: 'failed',
      error: 'HTTP 422: industry too long',
    });
    await t.store.jobs.recordItem(lease, 3, {
      status: 'skipped',
      error: 'changed by someone else since',
    });
    // Recording an item again changes nothing: it was not pending any more.
    await t.store.jobs.recordItem(lease, 1, { status: 'failed', error: 'late duplicate' });

    const [one, two] = await t.store.jobs.items(job.id, { limit: 2 });
    expect(one).toMatchObject({ status: 'done', attempts: 1, error: null });
    expect(one?.before).toEqual({
      industry: 'retail',
      name: 'Name 1',
      updated: '2026-01-15T08:00:00Z',
    });
    expect(one?.after).toEqual({ industry: 'Retail' });
    expect(two).toMatchObject({ status: 'failed', error: 'HTTP 422: industry too long' });
    expect((await t.store.jobs.get(job.id))?.progress).toEqual({
      total: 5,
      done: 1,
      failed: 1,
      skipped: 1,
    });
    expect(await t.store.jobs.itemCounts(job.id)).toEqual({
      pending: 2,
      done: 1,
      failed: 1,
      skipped: 1,
    });
    expect(
      (await t.store.jobs.items(job.id, { afterSeq: 1, statuses: ['pending'] })).map((i) => i.seq),
    ).toEqual([4, 5]);

    await expect(t.store.jobs.recordItem(lease, 99, { status: 'done' })).rejects.toThrow(
      StoreInputError,
    );
    t.clock.advance(5);
    expect(await t.store.jobs.finish(lease, { state: 'done' })).toBe(true);
    expect(await t.store.jobs.get(job.id)).toMatchObject({
      state: 'done',
      leaseOwner: null,
      leaseExpiresAt: null,
      finishedAt: t.clock.now(),
    });
    expect(await t.store.jobs.recordItem(lease, 4, { status: 'done' })).toBe(false);
    expect(await t.store.jobs.claim({ owner: 'w', leaseMs: LEASE })).toBeNull();
  });

  it('hands a job whose lease expired to another worker, and the first one can do nothing more', async () => {
    const job = await t.store.jobs.create(bulkJob());
    const replica = await t.database.open({ now: t.clock.now });
    const a = (await t.store.jobs.claim({ owner: 'replica-a', leaseMs: LEASE }))!;
    for (const seq of [1, 2, 3]) {
      await t.store.jobs.beginItem(a.lease, seq);
      await t.store.jobs.recordItem(a.lease, seq, { status: 'done' });
    }
    await t.store.jobs.beginItem(a.lease, 4); // in flight when replica A dies
    // Its copy was kept before its write was sent: the replica taking over finds it.
    expect(
      await t.store.jobs.saveItemCopy(a.lease, 4, {
        before: { name: 'Name 4', industry: 'retail' },
        after: { op: 'update', fields: { industry: 'Retail' } },
      }),
    ).toBe(true);

    t.clock.advance(LEASE - 1);
    expect(await replica.jobs.claim({ owner: 'replica-b', leaseMs: LEASE })).toBeNull();
    t.clock.advance(1);
    // A lease that has run out is lost even before anyone else takes the job.
    expect(await t.store.jobs.renew(a.lease, LEASE)).toBeNull();
    const b = (await replica.jobs.claim({ owner: 'replica-b', leaseMs: LEASE }))!;
    expect(b.job).toMatchObject({ id: job.id, leaseOwner: 'replica-b', claims: 2 });

    const pending = await replica.jobs.items(job.id, { statuses: ['pending'] });
    expect(pending.map((item) => [item.seq, item.attempts])).toEqual([
      [4, 1],
      [5, 0],
    ]);
    expect(pending[0]).toMatchObject({
      before: { name: 'Name 4', industry: 'retail' },
      after: { op: 'update', fields: { industry: 'Retail' } },
    });
    expect(await t.store.jobs.saveItemCopy(a.lease, 5, { before: null, after: null })).toBe(false);
    expect(await t.store.jobs.recordItem(a.lease, 4, { status: 'done' })).toBe(false);
    expect(await t.store.jobs.beginItem(a.lease, 5)).toBe(false);
    expect(await t.store.jobs.checkpoint(a.lease, { done: 0 })).toBe(false);
    expect(await t.store.jobs.release(a.lease)).toBe(false);
    expect(await t.store.jobs.finish(a.lease, { state: 'failed', error: 'x' })).toBe(false);

    for (const item of pending)
      await replica.jobs.recordItem(b.lease, item.seq, { status: 'done' });
    expect(await replica.jobs.finish(b.lease, { state: 'done' })).toBe(true);
    expect((await t.store.jobs.get(job.id))?.progress).toEqual({
      total: 5,
      done: 5,
      failed: 0,
      skipped: 0,
    });
  });

  it('renews a lease held, so nobody else may take the job', async () => {
    await t.store.jobs.create(bulkJob());
    const { lease } = (await t.store.jobs.claim({ owner: 'a', leaseMs: LEASE }))!;
    t.clock.advance(LEASE - 1_000);
    const renewed = await t.store.jobs.renew(lease, LEASE);
    expect(renewed?.expiresAt).toBe(t.clock.now() + LEASE);
    t.clock.advance(LEASE - 1_000);
    expect(await t.store.jobs.claim({ owner: 'b', leaseMs: LEASE })).toBeNull();
    expect(await t.store.jobs.recordItem(renewed!, 1, { status: 'done' })).toBe(true);
  });

  it('gives a released job back to the queue, to resume at its first unfinished item', async () => {
    const job = await t.store.jobs.create(bulkJob());
    const a = (await t.store.jobs.claim({ owner: 'a', leaseMs: LEASE }))!;
    await t.store.jobs.recordItem(a.lease, 1, { status: 'done' });
    await t.store.jobs.recordItem(a.lease, 2, { status: 'done' });
    expect(await t.store.jobs.release(a.lease)).toBe(true);
    expect(await t.store.jobs.get(job.id)).toMatchObject({ state: 'queued', leaseOwner: null });
    const b = (await t.store.jobs.claim({ owner: 'b', leaseMs: LEASE }))!;
    expect(b.job.claims).toBe(2);
    expect((await t.store.jobs.items(job.id, { statuses: ['pending'], limit: 1 }))[0]?.seq).toBe(3);
  });

  it('pauses, resumes and cancels; the worker loses its lease', async () => {
    const job = await t.store.jobs.create(bulkJob());
    const a = (await t.store.jobs.claim({ owner: 'a', leaseMs: LEASE }))!;
    expect(await t.store.jobs.pause(job.id)).toBe(true);
    expect(await t.store.jobs.recordItem(a.lease, 1, { status: 'done' })).toBe(false);
    expect(await t.store.jobs.claim({ owner: 'b', leaseMs: LEASE })).toBeNull();
    expect(await t.store.jobs.resume(job.id)).toBe(true);
    expect(await t.store.jobs.resume(job.id)).toBe(false);
    const b = (await t.store.jobs.claim({ owner: 'b', leaseMs: LEASE }))!;
    expect(await t.store.jobs.cancel(job.id)).toBe(true);
    expect(await t.store.jobs.renew(b.lease, LEASE)).toBeNull();
    expect(await t.store.jobs.get(job.id)).toMatchObject({
      state: 'cancelled',
      finishedAt: t.clock.now(),
    });
    expect(await t.store.jobs.cancel(job.id)).toBe(false);
    expect(await t.store.jobs.pause(job.id)).toBe(false);
    expect(await t.store.jobs.claim({ owner: 'c', leaseMs: LEASE })).toBeNull();
    expect(await t.store.jobs.itemCounts(job.id)).toEqual({
      pending: 5,
      done: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('keeps a scan checkpoint and counters, and items appended later', async () => {
    const job = await t.store.jobs.create(bulkJob({ kind: 'scan', items: undefined, total: null }));
    const { lease } = (await t.store.jobs.claim({ owner: 'a', leaseMs: LEASE }))!;
    const checkpoint = { pageToken: '1768467600001', seenIds: ['org-9', 'org-8'] };
    expect(await t.store.jobs.checkpoint(lease, { checkpoint, total: 5_000, done: 200 })).toBe(
      true,
    );
    expect(await t.store.jobs.checkpoint(lease, { done: 300 })).toBe(true);
    expect(await t.store.jobs.get(job.id)).toMatchObject({
      checkpoint,
      progress: { total: 5_000, done: 300, failed: 0, skipped: 0 },
    });
    expect(await t.store.jobs.appendItems(lease, items(2, 'x'))).toBe(true);
    expect(await t.store.jobs.appendItems(lease, items(1, 'y'))).toBe(true);
    expect((await t.store.jobs.items(job.id)).map((item) => [item.seq, item.recordId])).toEqual([
      [1, 'x-1'],
      [2, 'x-2'],
      [3, 'y-1'],
    ]);
    expect((await t.store.jobs.get(job.id))?.progress.total).toBe(5_003);
    expect(await t.store.jobs.finish(lease, { state: 'failed', error: 'API answered 401' })).toBe(
      true,
    );
    expect(await t.store.jobs.get(job.id)).toMatchObject({
      state: 'failed',
      error: 'API answered 401',
    });
  });

  it("lists a chatbot's jobs newest first, by kind and state", async () => {
    const a = await t.store.jobs.create(bulkJob());
    t.clock.advance(1);
    const b = await t.store.jobs.create(bulkJob({ kind: 'scan' }));
    t.clock.advance(1);
    await t.store.jobs.create(bulkJob({ chatbotId: 'other' }));
    expect((await t.store.jobs.list({ chatbotId: 'demo' })).map((job) => job.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(
      (await t.store.jobs.list({ chatbotId: 'demo', kinds: ['scan'] })).map((job) => job.id),
    ).toEqual([b.id]);
    await t.store.jobs.cancel(a.id);
    expect(
      (await t.store.jobs.list({ chatbotId: 'demo', states: ['cancelled', 'done'] })).map(
        (job) => job.id,
      ),
    ).toEqual([a.id]);
  });

  it('purges finished jobs with their items after the retention', async () => {
    const old = await t.store.jobs.create(bulkJob());
    await t.store.jobs.cancel(old.id);
    const running = await t.store.jobs.create(bulkJob());
    t.clock.advance(31 * 86_400_000);
    expect(await t.store.jobs.purgeFinishedOlderThan(30)).toBe(1);
    expect(await t.store.jobs.get(old.id)).toBeNull();
    expect(await t.store.jobs.items(old.id)).toEqual([]);
    expect(await t.store.jobs.get(running.id)).not.toBeNull();
  });

  it('keeps hostile strings in items exactly', async () => {
    const record = { name: '\u0000nul byte', website: 'javascript:alert(1)', emoji: 'Emoji 🚀🏴‍☠️' };
    const job = await t.store.jobs.create(
      bulkJob({ items: [{ recordId: 'o', before: record, after: record }] }),
    );
    const [item] = await t.store.jobs.items(job.id);
    expect(item?.before).toEqual(record);
    expect(item?.after).toEqual(record);
  });

  it('refuses bad input with a StoreInputError', async () => {
    await expect(t.store.jobs.create(bulkJob({ kind: '' }))).rejects.toThrow(StoreInputError);
    await expect(t.store.jobs.create(bulkJob({ items: [{ recordId: '' }] }))).rejects.toThrow(
      /recordId/,
    );
    await expect(t.store.jobs.claim({ owner: 'a', leaseMs: 0 })).rejects.toThrow(/leaseMs/);
    await expect(t.store.jobs.items('x', { statuses: ['lost' as 'done'] })).rejects.toThrow(
      /statuses/,
    );
    const forged: JobLease = { jobId: 'nope', owner: 'a', token: 'forged', expiresAt: 0 };
    expect(await t.store.jobs.recordItem(forged, 1, { status: 'done' })).toBe(false);
    expect(await t.store.jobs.list({ chatbotId: 'demo' })).toEqual([]);
  });
});

describeEachEngine('jobs on two replicas at once', (engine) => {
  let database: TestDatabase;
  let replicas: ConsoleStore[];

  beforeEach(async () => {
    database = await engine.createDatabase();
    replicas = await Promise.all([database.open({ poolSize: 8 }), database.open({ poolSize: 8 })]);
  });
  afterEach(() => database.dispose());

  it('never gives one job to two of many simultaneous claims', async () => {
    // Connections opened beforehand, so that the claims really run side by side.
    await Promise.all(replicas.flatMap((store) => Array.from({ length: 8 }, () => store.ping())));
    for (let round = 0; round < 10; round += 1) {
      const job = await replicas[round % 2]!.jobs.create(bulkJob());
      const claims = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          replicas[i % 2]!.jobs.claim({ owner: `worker-${i}`, leaseMs: 60_000 }),
        ),
      );
      const winners = claims.filter((claim) => claim !== null);
      expect(winners.map((winner) => winner.job.id)).toEqual([job.id]);
      expect((await replicas[1]!.jobs.get(job.id))?.claims).toBe(1);
    }
  });

  it('shares many jobs among competing workers so that each item is done exactly once', async () => {
    const jobIds = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      jobIds.add((await replicas[0]!.jobs.create(bulkJob({ items: items(6, `job${i}`) }))).id);
    }
    const doneBy = new Map<string, string>();
    const claimedBy = new Map<string, string>();
    const worker = async (store: ConsoleStore, owner: string) => {
      for (;;) {
        const claimed = await store.jobs.claim({ owner, leaseMs: 60_000 });
        if (claimed === null) return;
        expect(claimedBy.has(claimed.job.id)).toBe(false);
        claimedBy.set(claimed.job.id, owner);
        for (const item of await store.jobs.items(claimed.job.id, { statuses: ['pending'] })) {
          expect(await store.jobs.recordItem(claimed.lease, item.seq, { status: 'done' })).toBe(
            true,
          );
          const key = `${claimed.job.id}/${item.seq}`;
          expect(doneBy.has(key)).toBe(false);
          doneBy.set(key, owner);
        }
        expect(await store.jobs.finish(claimed.lease, { state: 'done' })).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => worker(replicas[i % 2]!, `worker-${i}`)));
    expect(new Set(claimedBy.keys())).toEqual(jobIds);
    expect(doneBy.size).toBe(12 * 6);
    for (const id of jobIds) {
      expect((await replicas[1]!.jobs.get(id))?.progress).toEqual({
        total: 6,
        done: 6,
        failed: 0,
        skipped: 0,
      });
    }
  });
});
