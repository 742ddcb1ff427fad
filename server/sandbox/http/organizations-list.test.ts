import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDto } from '../types.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

// 1,500 organizations: Northwind, the hostile ones, the whole 1,000-strong import batch and more.
const SEEDED = 1500;
let test: TestSandbox;
let everything: OrganizationDto[];

async function listPage(query: string): Promise<OrganizationDto[]> {
  const { status, body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}?${query}`);
  expect(status).toBe(200);
  return body.organizations as OrganizationDto[];
}

/**
 * Pages as docs/API-NOTES.md asks a client to: the next token is the last `created` plus 1 ms, so
 * the organizations sharing it come again and are dropped by id; a page that brings nothing new
 * (a run of equal timestamps longer than the page) is fetched again with a larger limit.
 */
async function walkAsClient(limit: number): Promise<{ organizations: OrganizationDto[] }> {
  const seen = new Set<string>();
  const organizations: OrganizationDto[] = [];
  let token: string | undefined;
  let pageLimit = limit;
  for (;;) {
    const query = token
      ? `limit=${pageLimit}&pageToken=${encodeURIComponent(token)}`
      : `limit=${pageLimit}`;
    const page = await listPage(query);
    const fresh = page.filter((organization) => !seen.has(organization.id));
    for (const organization of fresh) {
      seen.add(organization.id);
      organizations.push(organization);
    }
    if (page.length < pageLimit) return { organizations };
    if (fresh.length === 0) {
      pageLimit = Math.min(250, pageLimit * 2);
      continue;
    }
    pageLimit = limit;
    const last = page[page.length - 1] as OrganizationDto;
    token = new Date(Date.parse(last.created) + 1).toISOString();
  }
}

function newestFirst(a: OrganizationDto, b: OrganizationDto): number {
  const byCreated = Date.parse(b.created) - Date.parse(a.created);
  if (byCreated !== 0) return byCreated;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

beforeAll(async () => {
  test = openTestSandbox(SEEDED);
  // Walk once with the largest page to know the whole list for the assertions below.
  everything = (await walkAsClient(250)).organizations;
});

afterAll(() => test.dispose());

describe('list order', () => {
  it('returns every seeded organization once, newest first, ties by id descending', () => {
    expect(everything).toHaveLength(SEEDED);
    expect(new Set(everything.map((organization) => organization.id)).size).toBe(SEEDED);
    expect([...everything].sort(newestFirst).map((o) => o.id)).toEqual(everything.map((o) => o.id));
  });

  it('returns 50 organizations without a limit', async () => {
    const page = await listPage('');
    expect(page).toHaveLength(50);
    expect(page.map((o) => o.id)).toEqual(everything.slice(0, 50).map((o) => o.id));
  });

  it('holds the import batch: runs of identical created, 2 to 100 long, one of exactly 100', () => {
    const runs = new Map<string, number>();
    for (const organization of everything) {
      runs.set(organization.created, (runs.get(organization.created) ?? 0) + 1);
    }
    const shared = [...runs.values()].filter((length) => length > 1);
    expect(shared.reduce((sum, length) => sum + length, 0)).toBe(1000);
    expect(Math.min(...shared)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...shared)).toBe(100);
    expect(shared.length).toBeGreaterThan(10);
  });
});

describe('paging by pageToken', () => {
  it('returns only organizations created strictly before the token', async () => {
    const pivot = everything[300] as OrganizationDto;
    const page = await listPage(`limit=250&pageToken=${encodeURIComponent(pivot.created)}`);
    expect(page.length).toBeGreaterThan(0);
    for (const organization of page) {
      expect(Date.parse(organization.created)).toBeLessThan(Date.parse(pivot.created));
    }
    const firstOlder = everything.find((o) => Date.parse(o.created) < Date.parse(pivot.created));
    expect(page[0]?.id).toBe(firstOlder?.id);
  });

  it('accepts the documented token form and offsets for the same instant', async () => {
    const pivot = everything[700] as OrganizationDto;
    const instant = new Date(Date.parse(pivot.created));
    const utc = await listPage(`limit=5&pageToken=${encodeURIComponent(instant.toISOString())}`);
    const shifted = new Date(instant.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    const offset = await listPage(`limit=5&pageToken=${encodeURIComponent(shifted)}`);
    expect(offset.map((o) => o.id)).toEqual(utc.map((o) => o.id));
    expect(await listPage('limit=1&pageToken=2019-01-01T00:00:00Z')).toEqual([]);
  });

  it.each([50, 100, 37])(
    'lets a client that pages from last created + 1 ms see everything once (limit %i)',
    async (limit) => {
      const walk = await walkAsClient(limit);
      expect(walk.organizations.map((o) => o.id)).toEqual(everything.map((o) => o.id));
    },
  );

  it('skips organizations for a client that sends the last created as it is', async () => {
    // What docs/API-NOTES.md warns about: the rest of a run sharing the last timestamp is never
    // seen.
    const seen = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const page = await listPage(
        token ? `limit=50&pageToken=${encodeURIComponent(token)}` : 'limit=50',
      );
      for (const organization of page) seen.add(organization.id);
      if (page.length < 50) break;
      token = (page[page.length - 1] as OrganizationDto).created;
    }
    expect(seen.size).toBeLessThan(SEEDED);
  });
});

describe('limit and pageToken validation', () => {
  it.each(['1', '250'])('accepts limit=%s', async (limit) => {
    expect(await listPage(`limit=${limit}`)).toHaveLength(Number(limit));
  });

  it.each(['0', '251', '-1', '1.5', 'abc', '', '1e2'])('refuses limit=%s', async (limit) => {
    const { status, body } = await call(
      test.sandbox,
      'GET',
      `${ORGANIZATIONS_PATH}?limit=${limit}`,
    );
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'limit must be a whole number from 1 to 250' });
  });

  it.each(['yesterday', '2024-13-01T00:00:00Z', '2024-02-30T10:00:00Z', '2024-09-29T07:08:00', ''])(
    'refuses pageToken=%s',
    async (token) => {
      const { status, body } = await call(
        test.sandbox,
        'GET',
        `${ORGANIZATIONS_PATH}?pageToken=${encodeURIComponent(token)}`,
      );
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'pageToken must be an ISO 8601 timestamp' });
    },
  );
});
