import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConsoleStore } from '../console-store.ts';
import { describeEachEngine, type TestDatabase } from '../test-support/store-engines.ts';
import { createJobRunner, type JobRunner, type JobWork } from './job-runner.ts';
import type { NewJob } from './job-store.ts';

const RUNNER_PROCESS = fileURLToPath(
  new URL('../test-support/job-runner-process.ts', import.meta.url),
);

function bulkJob(count: number, prefix: string): NewJob {
  return {
    kind: 'bulkUpdate',
    chatbotId: 'demo',
    params: { fields: ['industry'], value: 'Retail' },
    createdBy: 'sub-agent',
    items: Array.from({ length: count }, (_, i) => ({
      recordId: `${prefix}-${i + 1}`,
      after: { industry: 'Retail' },
    })),
  };
}

/** Work that notes each record it acts on, in order, as an API update would act on it. */
function notingWork(effects: string[], owner: string): JobWork {
  return {
    async item(item) {
      effects.push(`${owner} ${item.recordId}`);
      return { status: 'done' };
    },
  };
}

describeEachEngine('job runner', (engine) => {
  let database: TestDatabase;
  let store: ConsoleStore;
  const runners: JobRunner[] = [];
  const children: ChildProcess[] = [];
  let root: string;

  beforeEach(async () => {
    database = await engine.createDatabase();
    store = await database.open();
    root = mkdtempSync(join(tmpdir(), 'console-job-runner-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  function runner(owner: string, work: JobWork, leaseMs = 60_000, on = store): JobRunner {
    const created = createJobRunner({
      store: on.jobs,
      owner,
      work: { bulkUpdate: work },
      leaseMs,
      pollMs: 20,
      log: () => {},
    });
    runners.push(created);
    return created;
  }

  it('works a job through in order and marks it done', async () => {
    const job = await store.jobs.create(bulkJob(7, 'org'));
    const effects: string[] = [];
    expect(await runner('replica-a', notingWork(effects, 'a')).runOnce()).toBe(true);
    expect(effects).toEqual(Array.from({ length: 7 }, (_, i) => `a org-${i + 1}`));
    const finished = await store.jobs.get(job.id);
    expect(finished?.state).toBe('done');
    expect(finished?.progress).toEqual({ total: 7, done: 7, failed: 0, skipped: 0 });
    expect(await runner('replica-b', notingWork(effects, 'b')).runOnce()).toBe(false);
  });

  it('on stop finishes the current item, gives the job back, and another runner resumes after it', async () => {
    const job = await store.jobs.create(bulkJob(6, 'org'));
    const effects: string[] = [];
    const first = runner('replica-a', {
      async item(item) {
        effects.push(`a ${item.recordId}`);
        // A shutdown begins while the third item is being worked on.
        if (item.recordId === 'org-3') void first.stop();
        return { status: 'done' };
      },
    });
    first.start();
    await vi.waitUntil(async () => (await store.jobs.get(job.id))?.state === 'queued', {
      timeout: 30_000,
      interval: 20,
    });
    expect(effects).toEqual(['a org-1', 'a org-2', 'a org-3']);

    const second = runner('replica-b', notingWork(effects, 'b'));
    expect(await second.runOnce()).toBe(true);
    expect(effects.slice(3)).toEqual(['b org-4', 'b org-5', 'b org-6']);
    const finished = await store.jobs.get(job.id);
    expect(finished).toMatchObject({ state: 'done', claims: 2 });
    expect(finished?.progress.done).toBe(6);
  });

  it('gives the job back, not failed, when its work gives up because of the shutdown', async () => {
    const job = await store.jobs.create(bulkJob(3, 'org'));
    const stopping = runner('replica-a', {
      async item(item, context) {
        if (item.recordId === 'org-2') {
          void stopping.stop();
          // Work that honours the signal: an API request aborted by it rejects.
          await new Promise((_resolve, reject) => {
            const give = () => reject(new Error('aborted by the shutdown'));
            if (context.signal.aborted) give();
            else context.signal.addEventListener('abort', give);
          });
        }
        return { status: 'done' };
      },
    });
    expect(await stopping.runOnce()).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ state: 'queued', error: null });
    expect((await store.jobs.itemCounts(job.id)).done).toBe(1);
  });

  it('records a failed job with its reason when the work throws', async () => {
    const job = await store.jobs.create(bulkJob(3, 'org'));
    const failing = runner('replica-a', {
      async item(item) {
        if (item.recordId === 'org-2') throw new Error('the API refused org-2');
        return { status: 'done' };
      },
    });
    expect(await failing.runOnce()).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({
      state: 'failed',
      error: 'the API refused org-2',
    });
  });

  it('stops working a job that is paused under it', async () => {
    const job = await store.jobs.create(bulkJob(5, 'org'));
    const effects: string[] = [];
    const pausing = runner('replica-a', {
      async item(item) {
        effects.push(item.recordId);
        if (item.recordId === 'org-2') await store.jobs.pause(job.id);
        return { status: 'done' };
      },
    });
    expect(await pausing.runOnce()).toBe(true);
    expect(effects).toEqual(['org-1', 'org-2']);
    expect((await store.jobs.get(job.id))?.state).toBe('paused');
  });

  it('takes over the job of a runner killed mid-job, from its checkpoint, with no item done twice', async () => {
    const count = 12;
    const job = await store.jobs.create(bulkJob(count, 'org'));
    const effectsFile = join(root, 'effects.txt');
    writeFileSync(effectsFile, '');
    // A short lease, so the takeover comes soon after the kill; the survivor waits on it by polling.
    const leaseMs = 1_500;
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER_PROCESS], {
      env: {
        ...process.env,
        JOB_TEST_DATA_DIR: database.location.dataDir,
        JOB_TEST_DATABASE_URL: database.location.databaseUrl ?? '',
        JOB_TEST_EFFECTS: effectsFile,
        JOB_TEST_OWNER: 'replica-a',
        JOB_TEST_HANG_AT: 'org-6',
        JOB_TEST_LEASE_MS: String(leaseMs),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitUntil(() => output.includes('working org-6'), { timeout: 30_000, interval: 20 });
    child.kill('SIGKILL');
    await vi.waitUntil(() => child.signalCode !== null, { timeout: 10_000, interval: 20 });

    const survivorEffects: string[] = [];
    const survivor = runner('replica-b', notingWork(survivorEffects, 'replica-b'), leaseMs);
    survivor.start();
    await vi.waitUntil(async () => (await store.jobs.get(job.id))?.state === 'done', {
      timeout: 30_000,
      interval: 50,
    });

    const killedEffects = readFileSync(effectsFile, 'utf8').split('\n').filter(Boolean);
    expect(killedEffects).toEqual([1, 2, 3, 4, 5].map((i) => `replica-a org-${i}`));
    // From the item the killed runner had begun (not done), to the end.
    expect(survivorEffects).toEqual(
      Array.from({ length: count - 5 }, (_, i) => `replica-b org-${i + 6}`),
    );
    const finished = await store.jobs.get(job.id);
    expect(finished).toMatchObject({ state: 'done', claims: 2, leaseOwner: null });
    expect(finished?.progress).toEqual({ total: count, done: count, failed: 0, skipped: 0 });
    const items = await store.jobs.items(job.id, { limit: 100 });
    // The item in the killed runner's hands was begun twice, and is the only one.
    expect(items.filter((item) => item.attempts > 1).map((item) => item.recordId)).toEqual([
      'org-6',
    ]);
  });
});
