import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDto, OrganizationDto } from '../types.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

let test: TestSandbox;
let organizations: OrganizationDto[];

async function contactsOf(id: string): Promise<ContactDto[]> {
  const { status, body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}/${id}/contacts`);
  expect(status).toBe(200);
  return body.contacts as ContactDto[];
}

async function countOf(id: string): Promise<number> {
  const { status, body } = await call(
    test.sandbox,
    'GET',
    `${ORGANIZATIONS_PATH}/${id}/contacts/count`,
  );
  expect(status).toBe(200);
  return body.count as number;
}

function byName(name: string): OrganizationDto {
  const found = organizations.find((organization) => organization.name === name);
  if (!found) throw new Error(`no organization named ${name}`);
  return found;
}

beforeAll(async () => {
  test = openTestSandbox(400);
  organizations = [];
  let token = '';
  for (;;) {
    const query = token ? `limit=250&pageToken=${encodeURIComponent(token)}` : 'limit=250';
    const { body } = await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}?${query}`);
    const page = body.organizations as OrganizationDto[];
    organizations.push(...page);
    if (page.length < 250) break;
    token = (page[page.length - 1] as OrganizationDto).created;
  }
});
afterAll(() => test.dispose());

describe('contacts of an organization', () => {
  it('lists all of Northwind Traders’ 500+ contacts unpaged, matching the count', async () => {
    const northwind = byName('Northwind Traders');
    const contacts = await contactsOf(northwind.id);
    expect(contacts.length).toBeGreaterThanOrEqual(500);
    expect(await countOf(northwind.id)).toBe(contacts.length);
    expect(new Set(contacts.map((contact) => contact.id)).size).toBe(contacts.length);
    for (const contact of contacts) {
      expect(contact.organizationIds).toContain(northwind.id);
      expect(contact).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          created: expect.any(String),
          updated: expect.any(String),
          variables: expect.any(Object),
        }),
      );
    }
  });

  it('gives every organization a count equal to its list; many have none', async () => {
    let withNone = 0;
    for (const organization of organizations.slice(0, 120)) {
      const contacts = await contactsOf(organization.id);
      expect(await countOf(organization.id)).toBe(contacts.length);
      if (contacts.length === 0) withNone++;
    }
    expect(withNone).toBeGreaterThan(20);
  });

  it('lists a contact of several organizations under each of them', async () => {
    const northwind = byName('Northwind Traders');
    const shared = (await contactsOf(northwind.id)).find((c) => c.organizationIds.length > 1);
    expect(shared).toBeDefined();
    for (const organizationId of shared?.organizationIds ?? []) {
      const ids = (await contactsOf(organizationId)).map((contact) => contact.id);
      expect(ids).toContain(shared?.id);
    }
  });

  it('removes a deleted organization from its contacts’ organizationIds', async () => {
    const northwind = byName('Northwind Traders');
    const shared = (await contactsOf(northwind.id)).find((c) => c.organizationIds.length > 1);
    const other = shared?.organizationIds.find((id) => id !== northwind.id) as string;
    const before = await countOf(northwind.id);

    const deleted = await call(test.sandbox, 'DELETE', `${ORGANIZATIONS_PATH}/${other}`);
    expect(deleted.body).toEqual({ deleted: true });

    const after = (await contactsOf(northwind.id)).find((c) => c.id === shared?.id);
    expect(after?.organizationIds).toEqual(shared?.organizationIds.filter((id) => id !== other));
    expect(await countOf(northwind.id)).toBe(before);
  });

  it('answers a new organization with no contacts and a count of 0', async () => {
    const { body } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, {
      body: { name: 'New' },
    });
    expect(await contactsOf(body.organization.id)).toEqual([]);
    expect(await countOf(body.organization.id)).toBe(0);
  });
});
