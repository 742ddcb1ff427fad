// The list's paging against the real sandbox, in process: the seed (with its bulk-import batch of
// runs up to 100 organizations sharing one `created`) and synthetic runs longer than a page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../../server/sandbox/api-keys.ts';
import type { Sandbox } from '../../../server/sandbox/contract.ts';
import { openDatabase } from '../../../server/sandbox/db/open-database.ts';
import { createOrganizationStore } from '../../../server/sandbox/db/organization-store.ts';
import { createSandbox } from '../../../server/sandbox/index.ts';
import { LONGEST_IMPORT_RUN } from '../../../server/sandbox/seed/import-batch.ts';
import type { Organization } from '../../api/types.ts';
import {
  fetchListPage,
  FIRST_LIST_PAGE,
  listWindow,
  MAX_LIST_LIMIT,
  nextListPageParam,
  previousListPageParam,
  type ListFetcher,
  type ListPage,
  type ListPageParam,
  type ListRequest,
} from './listPaging.ts';

interface Recorded {
  fetcher: ListFetcher;
  requests: ListRequest[];
}

/** A fetcher over the sandbox's list operation that records what it asked for. */
function sandboxFetcher(sandbox: Sandbox): Recorded {
  const requests: ListRequest[] = [];
  const fetcher: ListFetcher = async (request) => {
    requests.push(request);
    const url = new URL(`http://sandbox/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`);
    url.searchParams.set('limit', String(request.limit));
    if (request.pageToken !== undefined) url.searchParams.set('pageToken', request.pageToken);
    const response = await sandbox.fetch(
      new Request(url, { headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY } }),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { organizations: Organization[] };
  };
  return { fetcher, requests };
}

/** Every page from the top to the end, as the infinite query's forward paging would fetch them. */
async function pageToEnd(fetcher: ListFetcher, pageSize: number): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let param: ListPageParam | undefined = FIRST_LIST_PAGE;
  while (param) {
    const page = await fetchListPage(fetcher, param, pageSize);
    pages.push(page);
    param = nextListPageParam(page);
    expect(pages.length).toBeLessThan(10_000);
  }
  return pages;
}

function organizationIds(pages: readonly ListPage[]): string[] {
  return pages.flatMap((page) =>
    page.rows.flatMap((row) => (row.kind === 'organization' ? [row.organization.id] : [])),
  );
}

/** All organizations of the sandbox's chatbot, newest first, straight from its database. */
function everyIdInOrder(dataDir: string): string[] {
  const db = openDatabase(dataDir);
  try {
    return db
      .prepare(
        `SELECT id FROM organizations WHERE chatbot_id = ? ORDER BY created_ms DESC, id DESC`,
      )
      .pluck()
      .all(SANDBOX_CHATBOT_ID) as string[];
  } finally {
    db.close();
  }
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'list-paging-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('paging the seeded list (with its bulk-import batch)', () => {
  let sandbox: Sandbox;
  let expected: string[];
  beforeAll(() => {
    const dataDir = tempDir();
    sandbox = createSandbox({ dataDir, seedOrganizations: 1500 });
    expected = everyIdInOrder(dataDir);
  });
  afterAll(() => sandbox.close());

  it('the seed really has a run of one `created` as long as the longest import run', () => {
    const db = openDatabase(tempDirs[0]!);
    const longest = db
      .prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM organizations GROUP BY created_ms)')
      .pluck()
      .get();
    db.close();
    expect(longest).toBe(LONGEST_IMPORT_RUN);
  });

  for (const pageSize of [7, 50, 100]) {
    it(`lists every organization once, in order, with pages of ${pageSize}`, async () => {
      const { fetcher } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, pageSize);
      expect(organizationIds(pages)).toEqual(expected);
      // Page positions add up: each page starts where the one before ended.
      for (const [index, page] of pages.entries()) {
        const before = pages[index - 1];
        expect(page.startIndex).toBe(before ? before.startIndex + before.rows.length : 0);
      }
      expect(pages.flatMap((page) => page.rows).every((row) => row.kind === 'organization')).toBe(
        true,
      );
    });
  }

  it('fetches a dropped page again, identical, reaching down to the page still held', async () => {
    const { fetcher } = sandboxFetcher(sandbox);
    const pages = await pageToEnd(fetcher, 50);
    for (const index of [0, 1, 5, pages.length - 2]) {
      const held = pages[index + 1]!;
      const previousParam = previousListPageParam(held);
      expect(previousParam).toBeDefined();
      const again = await fetchListPage(fetcher, previousParam!, 50);
      expect(again.rows).toEqual(pages[index]!.rows);
      expect(again.startIndex).toBe(pages[index]!.startIndex);
    }
    expect(previousListPageParam(pages[0]!)).toBeUndefined();
  });

  it('a page fetched again at the top shows organizations created since, above the held rows', async () => {
    const dataDir = tempDir();
    const own = createSandbox({ dataDir, seedOrganizations: 300 });
    try {
      const { fetcher } = sandboxFetcher(own);
      const first = await fetchListPage(fetcher, FIRST_LIST_PAGE, 50);
      const second = await fetchListPage(fetcher, nextListPageParam(first)!, 50);
      const created: string[] = [];
      for (const name of ['Fresh one', 'Fresh two', 'Fresh three']) {
        // Two creates in one millisecond share `created` and list by id, not by creation order.
        await new Promise((resolve) => setTimeout(resolve, 2));
        const response = await own.fetch(
          new Request(`http://sandbox/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`, {
            method: 'POST',
            headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY, 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          }),
        );
        created.unshift(
          ((await response.json()) as { organization: Organization }).organization.id,
        );
      }
      const top = await fetchListPage(fetcher, previousListPageParam(second)!, 50);
      const ids = organizationIds([top]);
      expect(ids).toEqual([...created, ...organizationIds([first])]);
      // It ends exactly where the held page starts, so its position goes above the first row.
      expect(top.startIndex + top.rows.length).toBe(second.startIndex);
      expect(top.startIndex).toBe(-3);
    } finally {
      own.close();
    }
  });
});

/** A sandbox whose organizations have the given `created` instants (one organization each). */
function sandboxWithInstants(instantsMs: readonly number[]): { sandbox: Sandbox; dataDir: string } {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  const store = createOrganizationStore(db);
  db.transaction(() => {
    instantsMs.forEach((ms, index) => {
      const created = new Date(ms).toISOString();
      store.insert(
        SANDBOX_CHATBOT_ID,
        {
          id: `org-${String(index).padStart(5, '0')}`,
          name: `Synthetic ${index}`,
          created,
          updated: created,
          variables: {},
        },
        undefined,
      );
    });
  })();
  db.close();
  return { sandbox: createSandbox({ dataDir, seedOrganizations: 0 }), dataDir };
}

const T = Date.UTC(2025, 0, 1, 12, 0, 0);
function run(length: number, ms: number): number[] {
  return Array.from({ length }, () => ms);
}

describe('runs of one instant longer than a page', () => {
  it('lists a run of 180 with pages of 50: widening, nothing skipped or shown twice', async () => {
    const instants = [...run(20, T + 5000), ...run(180, T), ...run(30, T - 5000)];
    const { sandbox, dataDir } = sandboxWithInstants(instants);
    try {
      const { fetcher, requests } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, 50);
      expect(organizationIds(pages)).toEqual(everyIdInOrder(dataDir));
      expect(Math.max(...requests.map((r) => r.limit))).toBeGreaterThan(50);
      expect(Math.max(...requests.map((r) => r.limit))).toBeLessThanOrEqual(MAX_LIST_LIMIT);
    } finally {
      sandbox.close();
    }
  });

  it('lists a run of exactly 250, the most one answer can hold', async () => {
    const instants = [...run(250, T), ...run(3, T - 1)];
    const { sandbox, dataDir } = sandboxWithInstants(instants);
    try {
      const { fetcher } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, 100);
      const rows = pages.flatMap((page) => page.rows);
      // 250 of one instant fill a whole answer, so the list cannot know that none follow:
      // it says so once, and still reaches the organizations after the run.
      expect(organizationIds(pages)).toEqual(everyIdInOrder(dataDir));
      expect(rows.filter((row) => row.kind === 'truncated-run')).toEqual([
        { kind: 'truncated-run', run: { createdMs: T, listed: 250 } },
      ]);
    } finally {
      sandbox.close();
    }
  });

  it('says on screen where a run of 400 cannot be listed, and goes on after it', async () => {
    const instants = [...run(10, T + 1), ...run(400, T), ...run(40, T - 1)];
    const { sandbox, dataDir } = sandboxWithInstants(instants);
    try {
      const { fetcher } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, 100);
      const ids = organizationIds(pages);
      const all = everyIdInOrder(dataDir);
      expect(new Set(ids).size).toBe(ids.length);
      // The 10 newer, the first 250 of the run (what the API can return), then the 40 older.
      expect(ids).toEqual([...all.slice(0, 260), ...all.slice(410)]);
      const notices = pages.flatMap((page) => page.rows).filter((r) => r.kind !== 'organization');
      expect(notices).toEqual([{ kind: 'truncated-run', run: { createdMs: T, listed: 250 } }]);
      // The count leaves the notice out, also once the pages above it are dropped.
      expect(listWindow(pages).loadedCount).toBe(300);
      expect(listWindow(pages.slice(-1)).loadedCount).toBe(300);
      expect(listWindow(pages).endIndex).toBe(301);
    } finally {
      sandbox.close();
    }
  });

  it('pages a list that is one instant from the start', async () => {
    const { sandbox, dataDir } = sandboxWithInstants(run(120, T));
    try {
      const { fetcher } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, 50);
      expect(organizationIds(pages)).toEqual(everyIdInOrder(dataDir));
    } finally {
      sandbox.close();
    }
  });

  it('ends on an empty list with one empty page', async () => {
    const { sandbox } = sandboxWithInstants([]);
    try {
      const { fetcher } = sandboxFetcher(sandbox);
      const pages = await pageToEnd(fetcher, 50);
      expect(pages).toHaveLength(1);
      expect(pages[0]!.rows).toEqual([]);
    } finally {
      sandbox.close();
    }
  });
});
