// Every operation of src/api/openapi.json against the sandbox (through the console app,
// which adds the full-access key), each response body validated against the document's schemas.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDto, OrganizationDto, SearchOrganizationResultDto } from '../sandbox/types.ts';
import {
  FROM_CONSOLE_PAGE,
  jsonBody,
  ORGANIZATIONS,
  readJson,
  startConsoleUnderTest,
  type ConsoleUnderTest,
} from './console-under-test.ts';
import { exceedsCharacters, FIELD_LIMITS } from '../sandbox/validation/field-limits.ts';
import { responseViolations } from './openapi-validator.ts';

const LIST = '/v1/chatbots/{chatbotId}/organizations';
const SEARCH = `${LIST}/search`;
const ONE = `${LIST}/{organizationId}`;
const CONTACTS = `${ONE}/contacts`;
const CONTACTS_COUNT = `${CONTACTS}/count`;

const SEEDED = 60;
const hostileStrings = JSON.parse(
  readFileSync(new URL('../../fixtures/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];

let subject: ConsoleUnderTest;
beforeAll(() => {
  subject = startConsoleUnderTest(SEEDED);
});
afterAll(() => subject.close());

type Method = 'get' | 'post' | 'patch' | 'delete';

/** Calls the console and checks the body against the operation's documented response schema. */
async function call<T>(
  method: Method,
  template: string,
  path: string,
  expectedStatus: number,
  body?: unknown,
): Promise<T> {
  // fetch upper-cases "get" and "delete" itself, but not "patch".
  const httpMethod = method.toUpperCase();
  const init =
    body === undefined
      ? { method: httpMethod, headers: httpMethod === 'GET' ? {} : FROM_CONSOLE_PAGE }
      : jsonBody(httpMethod, body);
  const response = await readJson(await subject.app.request(path, init));
  expect(response.status, JSON.stringify(response.body)).toBe(expectedStatus);
  expect(responseViolations(method, template, expectedStatus, response.body)).toEqual([]);
  return response.body as T;
}

const organizationPath = (id: string) => `${ORGANIZATIONS}/${encodeURIComponent(id)}`;

describe('list', () => {
  it('pages through every seeded organization, newest first, each page valid', async () => {
    const seen: OrganizationDto[] = [];
    let path = `${ORGANIZATIONS}?limit=25`;
    for (;;) {
      const { organizations } = await call<{ organizations: OrganizationDto[] }>(
        'get',
        LIST,
        path,
        200,
      );
      expect(organizations.length).toBeLessThanOrEqual(25);
      seen.push(...organizations);
      const last = organizations.at(-1);
      if (!last || organizations.length < 25) break;
      // Strictly before the token: a page never repeats what the previous one held.
      path = `${ORGANIZATIONS}?limit=25&pageToken=${encodeURIComponent(last.created)}`;
      expect(seen.length).toBeLessThan(SEEDED * 2);
    }
    const created = seen.map((organization) => Date.parse(organization.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(seen.map((organization) => organization.id)).size).toBe(seen.length);
  });

  it('uses a default limit and honours a small one', async () => {
    const { organizations } = await call<{ organizations: OrganizationDto[] }>(
      'get',
      LIST,
      `${ORGANIZATIONS}?limit=3`,
      200,
    );
    expect(organizations).toHaveLength(3);
    const all = await call<{ organizations: OrganizationDto[] }>('get', LIST, ORGANIZATIONS, 200);
    expect(all.organizations.length).toBeGreaterThan(3);
  });

  it('answers an empty page (not an error) before the oldest organization', async () => {
    const { organizations } = await call<{ organizations: OrganizationDto[] }>(
      'get',
      LIST,
      `${ORGANIZATIONS}?pageToken=2000-01-01T00:00:00Z`,
      200,
    );
    expect(organizations).toEqual([]);
  });
});

describe('create, get, update, delete', () => {
  const full = {
    name: 'Contract Test Logistics GmbH',
    email: 'hello@contract-test.example',
    website: 'https://contract-test.example',
    size: 120,
    industry: 'Logistics',
    address: {
      street: 'Hafenstraße',
      houseNumber: '7a',
      zipcode: '20457',
      location: 'Hamburg',
      country: 'Germany',
    },
    phoneNumber: '+49 40 123456',
  };
  let created: OrganizationDto;

  it('creates an organization from the flat body and returns it without the phone number', async () => {
    const before = Date.now();
    ({ organization: created } = await call<{ organization: OrganizationDto }>(
      'post',
      LIST,
      ORGANIZATIONS,
      201,
      full,
    ));
    const { phoneNumber: _phone, ...returned } = full;
    expect(created).toMatchObject({ ...returned, variables: {} });
    expect(created).not.toHaveProperty('phoneNumber');
    expect(created.id).not.toBe('');
    expect(Date.parse(created.created)).toBeGreaterThanOrEqual(before - 1000);
    expect(created.updated).toBe(created.created);
  });

  it('lists the new organization first', async () => {
    const { organizations } = await call<{ organizations: OrganizationDto[] }>(
      'get',
      LIST,
      `${ORGANIZATIONS}?limit=1`,
      200,
    );
    expect(organizations[0]?.id).toBe(created.id);
  });

  it('gets it by id', async () => {
    const { organization } = await call<{ organization: OrganizationDto }>(
      'get',
      ONE,
      organizationPath(created.id),
      200,
    );
    expect(organization).toEqual(created);
  });

  it('creates from a name alone', async () => {
    const { organization } = await call<{ organization: OrganizationDto }>(
      'post',
      LIST,
      ORGANIZATIONS,
      201,
      { name: 'Just A Name' },
    );
    expect(organization).toMatchObject({ name: 'Just A Name', variables: {} });
  });

  it('updates partially: fields left out keep their values, variables are replaced', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = await call<{ organization: OrganizationDto }>(
      'patch',
      ONE,
      organizationPath(created.id),
      200,
      { organization: { size: 130, variables: { tier: 'gold', region: 'north' } } },
    );
    expect(first.organization).toMatchObject({
      ...created,
      size: 130,
      variables: { tier: 'gold', region: 'north' },
      updated: expect.not.stringMatching(created.updated) as unknown,
    });
    const second = await call<{ organization: OrganizationDto }>(
      'patch',
      ONE,
      organizationPath(created.id),
      200,
      { organization: { name: 'Renamed Logistics', variables: { tier: 'silver' } } },
    );
    expect(second.organization).toMatchObject({
      name: 'Renamed Logistics',
      size: 130,
      email: full.email,
      address: full.address,
      variables: { tier: 'silver' },
      created: created.created,
    });
    const { organization } = await call<{ organization: OrganizationDto }>(
      'get',
      ONE,
      organizationPath(created.id),
      200,
    );
    expect(organization).toEqual(second.organization);
  });

  it('finds it by search, with the match marked in a snippet', async () => {
    const { results } = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      `${ORGANIZATIONS}/search?query=Renamed&page=1&pageSize=10`,
      200,
    );
    const hit = results.hits?.find((candidate) => candidate.organization?.id === created.id);
    expect(hit).toBeDefined();
    expect(JSON.stringify(hit?.highlights)).toContain('<mark>Renamed</mark>');
    expect(results.page).toBe(1);
    expect(results.found).toBeGreaterThanOrEqual(1);
  });

  it('deletes it: then get, contacts, count and search no longer know it', async () => {
    const result = await call<{ deleted: boolean }>(
      'delete',
      ONE,
      organizationPath(created.id),
      200,
    );
    expect(result.deleted).toBe(true);
    for (const path of [
      organizationPath(created.id),
      `${organizationPath(created.id)}/contacts`,
      `${organizationPath(created.id)}/contacts/count`,
    ]) {
      const response = await readJson(await subject.app.request(path));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: expect.any(String) as unknown });
    }
    const { results } = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      `${ORGANIZATIONS}/search?query=Renamed&page=1&pageSize=10`,
      200,
    );
    expect(results.hits?.map((hit) => hit.organization?.id)).not.toContain(created.id);
  });
});

describe('search', () => {
  it('pages results, facets them and leaves out hidden hits', async () => {
    const path = (page: number, hidden = '') =>
      `${ORGANIZATIONS}/search?query=Northwind&page=${page}&pageSize=1${hidden}`;
    const { results } = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      path(1),
      200,
    );
    expect(results.hits).toHaveLength(1);
    expect(results.outOf).toBeGreaterThanOrEqual(SEEDED);
    const northwind = results.hits?.[0]?.organization;
    expect(northwind?.name).toBe('Northwind Traders');

    const hidden = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      path(1, `&hiddenHits=${encodeURIComponent(northwind?.id ?? '')}`),
      200,
    );
    expect(hidden.results.hits?.map((hit) => hit.organization?.id)).not.toContain(northwind?.id);
  });

  it('answers a query that matches nothing with an empty, valid result', async () => {
    const { results } = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      `${ORGANIZATIONS}/search?query=${encodeURIComponent('qqqxxzzv')}&page=1&pageSize=20`,
      200,
    );
    expect(results.found).toBe(0);
    expect(results.hits).toEqual([]);
  });
});

describe('contacts', () => {
  it('lists the contacts of an organization, as many as its count says', async () => {
    const { results } = await call<{ results: SearchOrganizationResultDto }>(
      'get',
      SEARCH,
      `${ORGANIZATIONS}/search?query=Northwind&page=1&pageSize=1`,
      200,
    );
    const id = results.hits?.[0]?.organization?.id ?? '';
    const { contacts } = await call<{ contacts: ContactDto[] }>(
      'get',
      CONTACTS,
      `${organizationPath(id)}/contacts`,
      200,
    );
    const { count } = await call<{ count: number }>(
      'get',
      CONTACTS_COUNT,
      `${organizationPath(id)}/contacts/count`,
      200,
    );
    expect(contacts.length).toBeGreaterThan(100);
    expect(count).toBe(contacts.length);
  });

  it('answers an empty list and a zero count for an organization without contacts', async () => {
    const { organization } = await call<{ organization: OrganizationDto }>(
      'post',
      LIST,
      ORGANIZATIONS,
      201,
      { name: 'Lonely Ltd' },
    );
    const path = organizationPath(organization.id);
    expect(await call('get', CONTACTS, `${path}/contacts`, 200)).toEqual({ contacts: [] });
    expect(await call('get', CONTACTS_COUNT, `${path}/contacts/count`, 200)).toEqual({ count: 0 });
  });
});

describe('hostile strings', () => {
  it('stores and returns every hostile string unchanged in every text field it fits', async () => {
    for (const text of hostileStrings) {
      // The 5,000-character string is longer than an email or a website may be (field-limits.ts).
      const request = {
        name: text === '' ? 'empty-string case' : text,
        ...(exceedsCharacters(text, FIELD_LIMITS.email) ? {} : { email: text }),
        ...(exceedsCharacters(text, FIELD_LIMITS.website) ? {} : { website: text }),
        industry: text,
        address: { street: text, location: text, country: text, zipcode: text, houseNumber: text },
      };
      const { organization } = await call<{ organization: OrganizationDto }>(
        'post',
        LIST,
        ORGANIZATIONS,
        201,
        request,
      );
      const updated = await call<{ organization: OrganizationDto }>(
        'patch',
        ONE,
        organizationPath(organization.id),
        200,
        { organization: { variables: { [text === '' ? 'empty' : text]: text } } },
      );
      const readBack = await call<{ organization: OrganizationDto }>(
        'get',
        ONE,
        organizationPath(organization.id),
        200,
      );
      expect(readBack.organization).toEqual(updated.organization);
      const variables = { [text === '' ? 'empty' : text]: text };
      if (text === '') {
        // The sandbox treats "" in an optional field as "no value" (organization-records.ts).
        expect(readBack.organization).toEqual({ ...readBack.organization, variables });
        for (const field of ['email', 'website', 'industry', 'address']) {
          expect(readBack.organization).not.toHaveProperty(field);
        }
      } else {
        expect(readBack.organization).toMatchObject({ ...request, variables });
      }
    }
  });
});
