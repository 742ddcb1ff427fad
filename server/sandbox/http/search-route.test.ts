import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchOrganizationResultDto } from '../types.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

let test: TestSandbox;
beforeEach(() => {
  test = openTestSandbox(200);
});
afterEach(() => test.dispose());

async function search(query: string, extra = ''): Promise<SearchOrganizationResultDto> {
  const path = `${ORGANIZATIONS_PATH}/search?query=${encodeURIComponent(query)}&page=1&pageSize=20${extra}`;
  const { status, body } = await call(test.sandbox, 'GET', path);
  expect(status).toBe(200);
  return body.results as SearchOrganizationResultDto;
}

const hitIds = (results: SearchOrganizationResultDto) =>
  results.hits?.map((hit) => hit.organization.id) ?? [];

describe('search route', () => {
  it('is not taken for an organization id, and finds seeded organizations', async () => {
    const results = await search('Northwind');
    expect(results.hits?.[0]?.organization.name).toBe('Northwind Traders');
    expect(results.outOf).toBe(200);
  });

  it('sees creates, updates and deletes at once', async () => {
    const created = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, {
      body: { name: 'Quokkaville Bakery' },
    });
    const id = created.body.organization.id as string;
    expect(hitIds(await search('Quokkaville'))).toEqual([id]);

    await call(test.sandbox, 'PATCH', `${ORGANIZATIONS_PATH}/${id}`, {
      body: { organization: { name: 'Wombatstadt Bakery', variables: {} } },
    });
    expect(hitIds(await search('Quokkaville'))).toEqual([]);
    expect(hitIds(await search('Wombatstadt'))).toEqual([id]);
    expect((await search('Wombatstadt')).hits?.[0]?.organization.name).toBe('Wombatstadt Bakery');

    await call(test.sandbox, 'DELETE', `${ORGANIZATIONS_PATH}/${id}`);
    expect(hitIds(await search('Wombatstadt'))).toEqual([]);
    expect((await search('*')).outOf).toBe(200);
  });

  it('leaves hiddenHits out', async () => {
    const all = hitIds(await search('*'));
    const hidden = all.slice(0, 2);
    const rest = hitIds(await search('*', `&hiddenHits=${hidden.join(',')}`));
    for (const id of hidden) expect(rest).not.toContain(id);
  });

  it.each([
    ['page=1&pageSize=10', 'query is required'],
    ['query=a&pageSize=10', 'page is required'],
    ['query=a&page=1', 'pageSize is required'],
    ['query=a&page=0&pageSize=10', 'page must be a whole number of at least 1'],
    ['query=a&page=x&pageSize=10', 'page must be a whole number of at least 1'],
    ['query=a&page=1&pageSize=251', 'pageSize must be a whole number from 1 to 250'],
    ['query=a&page=1&pageSize=0', 'pageSize must be a whole number from 1 to 250'],
    [
      'query=a&page=1.5&pageSize=10.5',
      'page must be a whole number of at least 1; pageSize must be a whole number from 1 to 250',
    ],
  ])('refuses ?%s', async (query, message) => {
    const answer = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}/search?${query}`);
    expect(answer).toEqual({ status: 400, body: { error: message } });
  });
});
