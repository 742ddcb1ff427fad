// Runs the store's jobs (bulk jobs, scans) on this replica: claims one at a time with a lease,
// renews the lease while it works, works from where the job stopped (the first unfinished item,
// or the job's checkpoint) and gives the job back on shutdown. A replica that dies simply stops
// renewing: once its lease runs out, another replica's runner claims the job and goes on from the
// same place. Each item is begun (`beginItem`) before its work and recorded after it, so an item
// is redone only when a replica died between the two (its `attempts` then says 2): the work of an
// item must be idempotent (the job's `after` is sent again, unchanged).
import type { JsonObject } from '../json.ts';
import type { ItemResult, Job, JobCheckpoint, JobItem, JobLease, JobStore } from './job-store.ts';

/** What a job's work gets: the job as claimed, a signal and the lease-bound writes. */
export interface JobContext {
  job: Job;
  /** Aborted when the lease is lost (taken over, paused, cancelled) or the runner stops. */
  signal: AbortSignal;
  /** Saves where a job without items got to (`job.checkpoint` when it is taken over). */
  checkpoint(progress: JobCheckpoint): Promise<boolean>;
  /** Keeps a copy on a begun item before its write (`JobStore.saveItemCopy`); false: lease lost. */
  saveItemCopy(
    seq: number,
    copy: { before: JsonObject | null; after: JsonObject | null },
  ): Promise<boolean>;
}

/** The work of one kind of job. */
export type JobWork =
  | {
      /** One item at a time, in order, from the first unfinished; the result is recorded. */
      item(item: JobItem, context: JobContext): Promise<ItemResult>;
    }
  | {
      /** A job without items (a scan): from `context.job.checkpoint`, saving as it goes. */
      run(context: JobContext): Promise<void>;
    };

export type JobRunEvent =
  | { kind: 'claimed'; job: Job }
  | { kind: 'item'; job: Job; status: ItemResult['status'] }
  | { kind: 'finished'; job: Job; state: 'done' | 'failed' }
  | { kind: 'released'; job: Job }
  | { kind: 'lost'; job: Job };

export interface JobRunnerOptions {
  store: JobStore;
  /** Who holds the leases, e.g. `host:pid` (people read it in the job). */
  owner: string;
  /** The work of each kind this runner takes; other kinds are left to other runners. */
  work: Readonly<Record<string, JobWork>>;
  /** How long a lease lasts without renewal: how soon another replica takes over a dead one's job. */
  leaseMs: number;
  /** How often an idle runner looks for work. */
  pollMs: number;
  log: (line: string) => void;
  /** For metrics. */
  onEvent?: (event: JobRunEvent) => void;
}

export interface JobRunner {
  /** Claims and works through jobs until stopped. */
  start(): void;
  /** Claims one runnable job and works it through; false when there was none. */
  runOnce(): Promise<boolean>;
  /**
   * Stops taking jobs; the running one stops after its current item (whose result is recorded)
   * and is given back to the queue, for this or another replica to resume at once.
   */
  stop(): Promise<void>;
  /** The jobs being worked on now. */
  readonly running: number;
}

const ITEM_PAGE = 100;

class LeaseLost extends Error {}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { store, owner, leaseMs, log } = options;
  const kinds = Object.keys(options.work);
  const stopping = new AbortController();
  let loop: Promise<void> | undefined;
  let running = 0;
  const inFlight = new Set<Promise<boolean>>();
  let wake: (() => void) | undefined;

  function runOnce(): Promise<boolean> {
    const run = claimAndWork().finally(() => inFlight.delete(run));
    inFlight.add(run);
    return run;
  }

  async function claimAndWork(): Promise<boolean> {
    if (stopping.signal.aborted || kinds.length === 0) return false;
    const claimed = await store.claim({ owner, leaseMs, kinds });
    if (claimed === null) return false;
    running += 1;
    try {
      await work(claimed.job, claimed.lease);
    } finally {
      running -= 1;
    }
    return true;
  }

  async function work(job: Job, firstLease: JobLease): Promise<void> {
    options.onEvent?.({ kind: 'claimed', job });
    log(`jobs: ${owner} took job ${job.id} (${job.kind}, claim ${job.claims})`);
    const lost = new AbortController();
    const signal = AbortSignal.any([lost.signal, stopping.signal]);
    let lease = firstLease;
    // Renewed at a third of its length: two renewals may fail (a slow database) before it runs out.
    const renewal = setInterval(
      () => {
        void store.renew(lease, leaseMs).then(
          (renewed) => {
            if (renewed === null) lost.abort();
            else lease = renewed;
          },
          (error: unknown) => log(`jobs: renewing job ${job.id} failed: ${describe(error)}`),
        );
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    const held = (ok: boolean) => {
      if (!ok) throw new LeaseLost();
    };
    const context: JobContext = {
      job,
      signal,
      checkpoint: (progress) => store.checkpoint(lease, progress),
      saveItemCopy: (seq, copy) => store.saveItemCopy(lease, seq, copy),
    };
    const jobWork = options.work[job.kind];
    try {
      if (jobWork === undefined) throw new Error(`no work for jobs of kind ${job.kind}`);
      if ('item' in jobWork) {
        let afterSeq = 0;
        while (!signal.aborted) {
          const page = await store.items(job.id, {
            afterSeq,
            statuses: ['pending'],
            limit: ITEM_PAGE,
          });
          if (page.length === 0) break;
          for (const item of page) {
            if (signal.aborted) break;
            held(await store.beginItem(lease, item.seq));
            const result = await jobWork.item(item, context);
            held(await store.recordItem(lease, item.seq, result));
            options.onEvent?.({ kind: 'item', job, status: result.status });
            afterSeq = item.seq;
          }
        }
      } else {
        await jobWork.run(context);
      }
      if (lost.signal.aborted) throw new LeaseLost();
      if (stopping.signal.aborted) {
        await giveBack(job, lease);
        return;
      }
      held(await store.finish(lease, { state: 'done' }));
      options.onEvent?.({ kind: 'finished', job, state: 'done' });
      log(`jobs: job ${job.id} done`);
    } catch (error) {
      if (error instanceof LeaseLost || lost.signal.aborted) {
        options.onEvent?.({ kind: 'lost', job });
        log(`jobs: ${owner} lost job ${job.id} (paused, cancelled or taken over)`);
        return;
      }
      if (stopping.signal.aborted) {
        // The work gave up because of the shutdown (its signal): not a failure of the job.
        await giveBack(job, lease);
        return;
      }
      const message = describe(error);
      log(`jobs: job ${job.id} failed: ${message}`);
      if (await store.finish(lease, { state: 'failed', error: message })) {
        options.onEvent?.({ kind: 'finished', job, state: 'failed' });
      }
    } finally {
      clearInterval(renewal);
    }
  }

  /** Shutdown: what is done is recorded; the rest waits for the next claim, here or elsewhere. */
  async function giveBack(job: Job, lease: JobLease): Promise<void> {
    if (await store.release(lease)) {
      options.onEvent?.({ kind: 'released', job });
      log(`jobs: ${owner} gave job ${job.id} back for another runner to resume`);
    }
  }

  async function keepRunning(): Promise<void> {
    while (!stopping.signal.aborted) {
      let worked = false;
      try {
        worked = await runOnce();
      } catch (error) {
        log(`jobs: could not claim a job: ${describe(error)}`);
      }
      if (!worked && !stopping.signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    start() {
      loop ??= keepRunning();
    },
    runOnce,
    async stop() {
      stopping.abort();
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
    get running() {
      return running;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
