// Input the contract does not allow: 400 with an `error` naming the field; unknown ids: 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDto } from '../sandbox/types.ts';
import {
  FROM_CONSOLE_PAGE,
  jsonBody,
  ORGANIZATIONS,
  readJson,
  startConsoleUnderTest,
  type ConsoleUnderTest,
} from './console-under-test.ts';

let subject: ConsoleUnderTest;
let existing: OrganizationDto;

beforeAll(async () => {
  subject = startConsoleUnderTest(0);
  const created = await readJson(
    await subject.app.request(ORGANIZATIONS, jsonBody('POST', { name: 'Existing Org' })),
  );
  existing = (created.body as { organization: OrganizationDto }).organization;
});
afterAll(() => subject.close());

async function expectRefused(path: string, init: RequestInit | undefined, field: string) {
  const { status, body } = await readJson(await subject.app.request(path, init));
  expect(status).toBe(400);
  expect(body).toEqual({ error: expect.stringContaining(field) as unknown });
}

describe('400 for input the contract does not allow', () => {
  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=251', 'limit'],
    ['limit=2.5', 'limit'],
    ['pageToken=yesterday', 'pageToken'],
    ['pageToken=2024-02-30T00:00:00Z', 'pageToken'],
  ])('list ?%s names %s', async (query, field) => {
    await expectRefused(`${ORGANIZATIONS}?${query}`, undefined, field);
  });

  it.each([
    ['no query', 'page=1&pageSize=10', 'query'],
    ['page 0', 'query=a&page=0&pageSize=10', 'page'],
    ['page not a number', 'query=a&page=one&pageSize=10', 'page'],
    ['pageSize above 250', 'query=a&page=1&pageSize=251', 'pageSize'],
    ['no pageSize', 'query=a&page=1', 'pageSize'],
  ])('search with %s names %s', async (_case, query, field) => {
    await expectRefused(`${ORGANIZATIONS}/search?${query}`, undefined, field);
  });

  it.each([
    ['no name', {}, 'name'],
    ['a numeric name', { name: 5 }, 'name'],
    ['size as text', { name: 'A', size: 'ten' }, 'size'],
    ['an address that is a string', { name: 'A', address: 'Main St 1' }, 'address'],
    ['a numeric zipcode', { name: 'A', address: { zipcode: 12345 } }, 'address.zipcode'],
    ['an undeclared field', { name: 'A', colour: 'red' }, 'colour'],
    ['variables (update only)', { name: 'A', variables: {} }, 'variables'],
    ['an array body', [{ name: 'A' }], 'object'],
  ])('create with %s names %s', async (_case, body, field) => {
    await expectRefused(ORGANIZATIONS, jsonBody('POST', body), field);
  });

  it('create with a body that is not JSON says so', async () => {
    await expectRefused(
      ORGANIZATIONS,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...FROM_CONSOLE_PAGE },
        body: '{"name": "A",',
      },
      'JSON',
    );
  });

  it.each([
    ['the flat create shape', { name: 'B', variables: {} }, 'organization'],
    ['no variables', { organization: { name: 'B' } }, 'variables'],
    ['a numeric variable', { organization: { variables: { tier: 1 } } }, 'variables'],
    [
      'phoneNumber (create only)',
      { organization: { variables: {}, phoneNumber: '1' } },
      'phoneNumber',
    ],
    ['size as text', { organization: { variables: {}, size: '10' } }, 'size'],
  ])('update with %s names %s', async (_case, body, field) => {
    await expectRefused(`${ORGANIZATIONS}/${existing.id}`, jsonBody('PATCH', body), field);
  });

  it('leaves the organization unchanged after refused updates', async () => {
    const { status, body } = await readJson(
      await subject.app.request(`${ORGANIZATIONS}/${existing.id}`),
    );
    expect(status).toBe(200);
    expect(body).toEqual({ organization: existing });
  });
});

describe('404 for an unknown organization', () => {
  const unknown = `${ORGANIZATIONS}/no-such-organization`;
  it.each([
    ['get', unknown, undefined],
    ['update', unknown, jsonBody('PATCH', { organization: { variables: {} } })],
    ['delete', unknown, { method: 'DELETE', headers: FROM_CONSOLE_PAGE }],
    ['contacts', `${unknown}/contacts`, undefined],
    ['contacts count', `${unknown}/contacts/count`, undefined],
  ])('%s', async (_operation, path, init) => {
    const { status, body } = await readJson(await subject.app.request(path, init));
    expect(status).toBe(404);
    expect(body).toEqual({ error: expect.any(String) as unknown });
  });

  it('delete twice: the second is 404', async () => {
    const created = await readJson(
      await subject.app.request(ORGANIZATIONS, jsonBody('POST', { name: 'Short-lived' })),
    );
    const { id } = (created.body as { organization: OrganizationDto }).organization;
    expect(
      (
        await subject.app.request(`${ORGANIZATIONS}/${id}`, {
          method: 'DELETE',
          headers: FROM_CONSOLE_PAGE,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await subject.app.request(`${ORGANIZATIONS}/${id}`, {
          method: 'DELETE',
          headers: FROM_CONSOLE_PAGE,
        })
      ).status,
    ).toBe(404);
  });
});
