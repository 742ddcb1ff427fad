// A bulk job in a real console server process killed with `kill -9` mid-way, and resumed by a new
// process on the same data directory once the dead one's lease runs out (server/main.ts: 30 s):
// every record is changed, none twice and none missed. The one item in flight at the kill (begun,
// so its `attempts` is 2 after the takeover) may have been written before the kill; it is then
// recorded without a second write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../contract/server-process.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import { openConsoleStore, type AuditEntry } from '../../store/index.ts';

const RECORDS = 150;
const ORGANIZATIONS = '/v1/chatbots/demo/organizations';

let dataDir: string;
const running: ServerProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-bulk-kill-'));
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop('SIGKILL');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    SEED_ORGANIZATIONS: String(RECORDS + 20),
    // Slow enough that the kill lands mid-way on any machine.
    BULK_RATE_PER_SECOND: '15',
  });
  running.push(server);
  return server;
}

interface JobView {
  state: string;
  done: number;
  failed: number;
  skipped: number;
}

async function jobOf(server: ServerProcess, id: string): Promise<JobView> {
  const response = await fetch(`${server.url}/console/chatbots/demo/bulk/jobs/${id}`);
  return ((await response.json()) as { job: JobView }).job;
}

describe('a bulk job across kill -9', { timeout: 180_000 }, () => {
  it('is resumed by a new process and changes every record exactly once', async () => {
    const first = await start();
    const listed = await fetch(`${first.url}${ORGANIZATIONS}?limit=${RECORDS}`);
    const ids = ((await listed.json()) as { organizations: OrganizationDto[] }).organizations.map(
      (o) => o.id,
    );
    expect(ids).toHaveLength(RECORDS);
    const started = await fetch(`${first.url}/console/chatbots/demo/bulk/jobs`, {
      method: 'POST',
      headers: { origin: first.url, 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({
        action: { kind: 'setIndustry', value: 'Survived kill -9' },
        target: { kind: 'selection', ids },
      }),
    });
    expect(started.status).toBe(202);
    const jobId = ((await started.json()) as { job: { id: string } }).job.id;

    await expect
      .poll(async () => (await jobOf(first, jobId)).done, { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(30);
    await first.stop('SIGKILL');

    const second = await start();
    await expect
      .poll(async () => (await jobOf(second, jobId)).state, { timeout: 120_000, interval: 500 })
      .toBe('done');
    const job = await jobOf(second, jobId);
    expect(job).toMatchObject({ done: RECORDS, failed: 0, skipped: 0 });
    for (const id of ids) {
      const answer = await fetch(`${second.url}${ORGANIZATIONS}/${encodeURIComponent(id)}`);
      const { organization } = (await answer.json()) as { organization: OrganizationDto };
      expect(organization.industry).toBe('Survived kill -9');
    }
    await second.stop('SIGTERM');
    running.splice(0);

    const store = await openConsoleStore({ dataDir });
    try {
      const items = await store.jobs.items(jobId, { limit: 1_000 });
      expect(items.map((item) => item.status)).toEqual(ids.map(() => 'done'));
      const resumed = items.filter((item) => item.attempts > 1);
      expect(resumed.length).toBeLessThanOrEqual(1);
      expect(items.every((item) => item.attempts <= 2)).toBe(true);
      expect((await store.jobs.get(jobId))?.claims).toBe(2);

      const entries: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.audit.list({
          chatbotId: 'demo',
          jobId,
          operations: ['update'],
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        entries.push(...page.entries);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      const writes = new Map<string, number>();
      for (const entry of entries) {
        expect(entry.status).toBe(200);
        writes.set(entry.organizationId ?? '', (writes.get(entry.organizationId ?? '') ?? 0) + 1);
      }
      // None twice; every record written once, but the one in flight may have been written
      // just before its audit entry, the kill taking both the entry and nothing else.
      expect([...writes.values()].every((count) => count === 1)).toBe(true);
      const unaudited = ids.filter((id) => !writes.has(id));
      expect(unaudited.every((id) => resumed.some((item) => item.recordId === id))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
