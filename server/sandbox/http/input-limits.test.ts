// The sandbox bounds what one request may make it store or search (field-limits.ts) and reads
// its input strictly: each refusal is a 400 naming what is wrong, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_ACCESS_KEY } from '../api-keys.ts';
import type { OrganizationDto } from '../types.ts';
import { FIELD_LIMITS, MAX_HIDDEN_HITS } from '../validation/field-limits.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

let test: TestSandbox;
let existing: OrganizationDto;
beforeAll(async () => {
  test = openTestSandbox(0);
  existing = (await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, { body: { name: 'Kept' } })).body
    .organization;
});
afterAll(() => test.dispose());

async function count(): Promise<number> {
  const { body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}?limit=250`);
  return (body.organizations as OrganizationDto[]).length;
}

async function expectRefusedCreate(body: unknown, message: RegExp): Promise<void> {
  const before = await count();
  const { status, body: answer } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, { body });
  expect(status).toBe(400);
  expect(answer.error).toMatch(message);
  expect(await count()).toBe(before);
}

async function expectRefusedUpdate(organization: unknown, message: RegExp): Promise<void> {
  const path = `${ORGANIZATIONS_PATH}/${existing.id}`;
  const { status, body } = await call(test.sandbox, 'PATCH', path, { body: { organization } });
  expect(status).toBe(400);
  expect(body.error).toMatch(message);
  expect((await call(test.sandbox, 'GET', path)).body.organization).toEqual(existing);
}

const TEXT_FIELDS = [
  ['name', FIELD_LIMITS.name],
  ['email', FIELD_LIMITS.email],
  ['website', FIELD_LIMITS.website],
  ['industry', FIELD_LIMITS.industry],
  ['phoneNumber', FIELD_LIMITS.phoneNumber],
] as const;

describe('field lengths', () => {
  it.each(TEXT_FIELDS)(
    'accepts a %s of exactly its limit (%i characters)',
    async (field, limit) => {
      const body = { name: 'At the limit', [field]: 'a'.repeat(limit) };
      const { status } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, { body });
      expect(status).toBe(201);
    },
  );

  it.each(TEXT_FIELDS)('refuses a %s one character over (400 naming it)', async (field, limit) => {
    await expectRefusedCreate(
      { name: 'Over the limit', [field]: 'a'.repeat(limit + 1) },
      new RegExp(`^${field} must be at most ${limit.toLocaleString('en')} characters`),
    );
  });

  it('counts characters, not UTF-16 units: 5,000 emoji are a 5,000-character name', async () => {
    const name = '🚀'.repeat(FIELD_LIMITS.name);
    const { status, body } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, {
      body: { name },
    });
    expect(status).toBe(201);
    expect(body.organization.name).toBe(name);
    await expectRefusedCreate({ name: `${name}🚀` }, /^name must be at most 5,000 characters/);
  });

  it.each(['street', 'houseNumber', 'zipcode', 'location', 'country'])(
    'refuses an address %s over its limit',
    async (field) => {
      await expectRefusedCreate(
        { name: 'Long address', address: { [field]: 'b'.repeat(FIELD_LIMITS.addressField + 1) } },
        new RegExp(`address\\.${field} must be at most`),
      );
    },
  );

  it('refuses an update over a limit, leaving the organization as it was', async () => {
    await expectRefusedUpdate(
      { name: 'n'.repeat(FIELD_LIMITS.name + 1), variables: {} },
      /organization\.name must be at most 5,000 characters/,
    );
  });

  it('accepts the most variables, and refuses one more', async () => {
    const variables = Object.fromEntries(
      Array.from({ length: FIELD_LIMITS.variableCount }, (_, index) => [`key${index}`, 'value']),
    );
    const path = `${ORGANIZATIONS_PATH}/${existing.id}`;
    const accepted = await call(test.sandbox, 'PATCH', path, {
      body: { organization: { variables } },
    });
    expect(accepted.status).toBe(200);
    existing = accepted.body.organization;
    await expectRefusedUpdate(
      { variables: { ...variables, one: 'more' } },
      /organization\.variables must have at most 50 entries/,
    );
  });

  it('refuses a variable name or value over its limit, naming the variable', async () => {
    const long = 'v'.repeat(FIELD_LIMITS.variableValue + 1);
    await expectRefusedUpdate({ variables: { tier: long } }, /organization\.variables\["tier"\]/);
    await expectRefusedUpdate({ variables: { [long]: 'x' } }, /the name of organization\.var/);
  });

  it('refuses variables over their total, though each fits', async () => {
    const value = 'w'.repeat(FIELD_LIMITS.variableValue);
    const variables = { a: value, b: value, c: value, d: value, e: value };
    await expectRefusedUpdate({ variables }, /at most 20,000 characters in all/);
  });
});

describe('strict input', () => {
  it('refuses a body that is not UTF-8, storing nothing (no U+FFFD in place of the bytes)', async () => {
    const before = await count();
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"Caf'),
      0xe9, // "é" in Latin-1: not UTF-8
      ...new TextEncoder().encode('"}'),
    ]);
    const response = await test.sandbox.fetch(
      new Request(`http://sandbox${ORGANIZATIONS_PATH}`, {
        method: 'POST',
        headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY, 'content-type': 'application/json' },
        body: bytes,
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'request body must be valid UTF-8' });
    expect(await count()).toBe(before);
  });

  it.each([
    ['list', '?limit=1&limit=2', /"limit" is given more than once/],
    ['search', '/search?query=a&page=1&pageSize=5&page=2', /"page" is given more than once/],
    ['list', '?limit=%FF', /not valid percent-encoded UTF-8/],
    ['list', '?pageToken=%E2%82', /not valid percent-encoded UTF-8/],
  ])('refuses a %s query %s', async (_operation, query, message) => {
    const { status, body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it('refuses a search text longer than the longest field', async () => {
    const query = encodeURIComponent('q'.repeat(FIELD_LIMITS.name + 1));
    const { status, body } = await call(
      test.sandbox,
      'GET',
      `${ORGANIZATIONS_PATH}/search?query=${query}&page=1&pageSize=5`,
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/query must be at most 5,000 characters/);
  });

  it('refuses more hidden hits than a page holds', async () => {
    const hidden = Array.from({ length: MAX_HIDDEN_HITS + 1 }, (_, index) => `id${index}`);
    const { status, body } = await call(
      test.sandbox,
      'GET',
      `${ORGANIZATIONS_PATH}/search?query=a&page=1&pageSize=5&hiddenHits=${hidden.join(',')}`,
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/hiddenHits must name at most 250 ids/);
  });
});
