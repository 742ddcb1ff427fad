// The data-quality routes under /console/chatbots/:chatbotId/…, behind the same session step as
// the other /console routes (and the app-wide Host allowlist and same-origin rule for writes):
//   GET  …/data-quality                     overview: last scan, counts per check, distributions,
//                                           the latest scan job with its progress   (viewer)
//   GET  …/data-quality/findings?check=     one check's findings in keyset pages   (viewer)
//   GET  …/data-quality/findings.csv?check= the same as CSV, streamed               (viewer)
//   GET  …/organizations.csv                the whole list as CSV, streamed         (viewer)
//   POST …/data-quality/scans               start a scan (409 while one runs)      (agent)
//   POST …/data-quality/scans/:jobId/cancel cancel it; its staged findings go      (agent)
// Starting and cancelling are written to the audit trail.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ApiHandler } from '../api-key.ts';
import { roleRank } from '../api/roles.ts';
import type { AuditRecorder } from '../audit/audit-recorder.ts';
import { auditActor } from '../audit/audit-recorder.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { ConsoleRole, ConsoleStore, Job } from '../store/index.ts';
import { StoreInputError } from '../store/index.ts';
import { organizationCount } from './api-reader.ts';
import { CHECK_NAMES, CHECKS, isCheckName } from './checks/catalogue.ts';
import { csvResponse, csvStream } from './csv.ts';
import { FINDING_COLUMNS, findingRows, ORGANIZATION_COLUMNS, organizationRows } from './exports.ts';
import { DISTRIBUTION_CHECK } from './scan/record-findings.ts';
import { SCAN_JOB_KIND } from './scan/scan-job.ts';

/** Who may start or cancel a scan: it reads every record with the server's key, and takes time. */
export const SCAN_ROLE: ConsoleRole = 'agent';
const ACTIVE_STATES = ['queued', 'running', 'paused'] as const;

export interface DataQualityDeps {
  api: ApiHandler;
  store: ConsoleStore;
  recorder: AuditRecorder | undefined;
  now: () => number;
  /** Tells this replica's job runner that a job is waiting (it also polls). */
  wakeRunner?: () => void;
}

export interface ScanJobView {
  id: string;
  state: Job['state'];
  done: number;
  /** Organizations to read; null while unknown. */
  total: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Organizations read per second since the scan began; null before the first page. */
  ratePerSecond: number | null;
  /** Estimated seconds left; null when unknown. */
  secondsLeft: number | null;
  error: string | null;
}

export function scanJobView(job: Job, now: number): ScanJobView {
  const { done, total } = job.progress;
  const elapsed = job.startedAt === null ? 0 : (job.finishedAt ?? now) - job.startedAt;
  const rate = done > 0 && elapsed > 0 ? (done * 1000) / elapsed : null;
  const running = job.state === 'running' || job.state === 'queued';
  const secondsLeft =
    running && rate !== null && total !== null ? Math.max(0, (total - done) / rate) : null;
  return {
    id: job.id,
    state: job.state,
    done,
    total,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10,
    secondsLeft: secondsLeft === null ? null : Math.ceil(secondsLeft),
    error: job.error,
  };
}

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CHATBOT_ID = /^[^\u0000-\u001f\u007f/]{1,200}$/;

function chatbotOf(c: Context<ConsoleEnv>): string | undefined {
  const id = c.req.param('chatbotId');
  return id !== undefined && CHATBOT_ID.test(id) ? id : undefined;
}

function mayScan(c: Context<ConsoleEnv>): boolean {
  const actor = c.get('actor');
  if (actor === undefined) throw new Error('data-quality routes run after the session step');
  return actor.kind === 'local' || roleRank(actor.role) >= roleRank(SCAN_ROLE);
}

function refusal(c: Context<ConsoleEnv>) {
  const actor = c.get('actor');
  const role = actor?.kind === 'person' ? actor.role : 'viewer';
  return c.json(
    {
      error: `Your role (${role}) may not start or cancel a data-quality scan: that needs the ${SCAN_ROLE} role. Ask an admin of the console if you need it.`,
      role,
      requiredRole: SCAN_ROLE,
    },
    403,
  );
}

export function mountDataQualityRoutes(
  app: Hono<ConsoleEnv>,
  deps: DataQualityDeps,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  const { store } = deps;
  const base = '/console/chatbots/:chatbotId';

  async function latestScan(chatbotId: string): Promise<Job | null> {
    const [latest] = await store.jobs.list({ chatbotId, kinds: [SCAN_JOB_KIND], limit: 1 });
    return latest ?? null;
  }

  app.get(`${base}/data-quality`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const [lastScan, counts, job, distribution] = await Promise.all([
      store.findings.lastScan(chatbotId),
      store.findings.counts(chatbotId),
      latestScan(chatbotId),
      store.findings.list(chatbotId, DISTRIBUTION_CHECK, { limit: 10 }),
    ]);
    const byCheck = new Map(counts.map((count) => [count.check, count]));
    const bars = (key: string) => {
      const found = distribution.findings.find((finding) => finding.key === key);
      return Array.isArray(found?.detail.bars) ? found.detail.bars : [];
    };
    return c.json({
      lastScan:
        lastScan === null
          ? null
          : { scannedAt: lastScan.scannedAt, recordCount: lastScan.recordCount },
      checks:
        lastScan === null
          ? []
          : CHECK_NAMES.map((check) => ({
              check,
              ...CHECKS[check],
              findings: byCheck.get(check)?.findings ?? 0,
              records: byCheck.get(check)?.records ?? 0,
            })),
      distributions:
        lastScan === null
          ? null
          : { industry: bars('industry'), country: bars('country'), size: bars('size') },
      scan: job === null ? null : scanJobView(job, deps.now()),
      mayScan: mayScan(c),
    });
  });

  app.get(`${base}/data-quality/findings`, session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = chatbotOf(c);
    const check = c.req.query('check') ?? '';
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    if (!isCheckName(check)) {
      return c.json({ error: `Unknown check. Use one of: ${CHECK_NAMES.join(', ')}.` }, 400);
    }
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    const cursor = c.req.query('cursor');
    try {
      const page = await store.findings.list(chatbotId, check, {
        limit,
        ...(cursor === undefined || cursor === '' ? {} : { cursor }),
      });
      return c.json({
        findings: page.findings.map(({ recordId, key, detail }) => ({ recordId, key, detail })),
        nextCursor: page.nextCursor,
      });
    } catch (error) {
      if (error instanceof StoreInputError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.get(`${base}/data-quality/findings.csv`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    const check = c.req.query('check') ?? '';
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    if (!isCheckName(check)) {
      return c.json({ error: `Unknown check. Use one of: ${CHECK_NAMES.join(', ')}.` }, 400);
    }
    const counts = await store.findings.counts(chatbotId);
    const rows = counts.find((count) => count.check === check)?.findings ?? 0;
    return csvResponse(
      csvStream(FINDING_COLUMNS, findingRows(store.findings, chatbotId, check)),
      `${check}.csv`,
      rows,
    );
  });

  app.get(`${base}/organizations.csv`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const signal = c.req.raw.signal;
    const expected = await organizationCount(deps.api, chatbotId, signal);
    return csvResponse(
      csvStream(ORGANIZATION_COLUMNS, organizationRows(deps.api, chatbotId, signal)),
      'organizations.csv',
      expected,
    );
  });

  app.post(`${base}/data-quality/scans`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    if (!mayScan(c)) return refusal(c);
    const active = await store.jobs.list({
      chatbotId,
      kinds: [SCAN_JOB_KIND],
      states: [...ACTIVE_STATES],
      limit: 1,
    });
    if (active[0] !== undefined) {
      return c.json(
        {
          error: 'A scan of this chatbot is already under way.',
          scan: scanJobView(active[0], deps.now()),
        },
        409,
      );
    }
    const actor = auditActor(c.get('actor'));
    const job = await store.jobs.create({
      kind: SCAN_JOB_KIND,
      chatbotId,
      params: {},
      createdBy: c.get('actor')?.kind === 'person' ? actor.actorSubject : null,
    });
    await deps.recorder?.record({
      ...actor,
      operation: 'startScan',
      chatbotId,
      organizationId: null,
      organizationName: null,
      before: null,
      after: null,
      status: 202,
      error: null,
      requestId: c.get('requestId'),
      jobId: job.id,
    });
    deps.wakeRunner?.();
    return c.json({ scan: scanJobView(job, deps.now()) }, 202);
  });

  app.post(`${base}/data-quality/scans/:jobId/cancel`, session, async (c) => {
    const chatbotId = chatbotOf(c);
    if (chatbotId === undefined) return c.json({ error: 'Unknown chatbot id.' }, 400);
    if (!mayScan(c)) return refusal(c);
    const jobId = c.req.param('jobId');
    const job = await store.jobs.get(jobId);
    if (job === null || job.chatbotId !== chatbotId || job.kind !== SCAN_JOB_KIND) {
      return c.json({ error: 'No such scan of this chatbot.' }, 404);
    }
    const cancelled = await store.jobs.cancel(job.id);
    if (!cancelled) {
      return c.json({ error: `The scan is ${job.state} and cannot be cancelled.` }, 409);
    }
    // What the scan staged goes; the findings of the last finished scan stay.
    await store.findings.discard(chatbotId, job.id);
    await deps.recorder?.record({
      ...auditActor(c.get('actor')),
      operation: 'cancelScan',
      chatbotId,
      organizationId: null,
      organizationName: null,
      before: null,
      after: null,
      status: 200,
      error: null,
      requestId: c.get('requestId'),
      jobId: job.id,
    });
    const after = await store.jobs.get(job.id);
    return c.json({ scan: after === null ? null : scanJobView(after, deps.now()) });
  });
}
