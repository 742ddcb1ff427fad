// Every organization operation against the real sandbox (in-process, fresh database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { ApiError, configureApiClient } from '../client.ts';
import { getConsoleConfig } from '../shell/consoleConfig.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  searchOrganizations,
  updateOrganization,
  type Organization,
} from './organizations.ts';

let sandbox: TestSandbox;
let restoreClient: () => void;
let chatbotId: string;

beforeAll(() => {
  sandbox = createTestSandbox();
  chatbotId = sandbox.chatbotId;
  restoreClient = configureApiClient({ fetch: sandbox.fetch });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});

async function create(name: string, extra: Partial<Organization> = {}): Promise<Organization> {
  const { organization, error } = await createOrganization({ chatbotId, body: { name, ...extra } });
  expect(error).toBeUndefined();
  if (!organization) throw new Error(`create "${name}" returned no organization`);
  return organization;
}

describe('organizations API', () => {
  it('createOrganization sends the flat body and returns the stored organization', async () => {
    const organization = await create('Ackermann Logistik', {
      email: 'info@ackermann.example',
      website: 'https://ackermann.example',
      size: 42,
      industry: 'Logistics',
      address: { street: 'Hafenstraße', houseNumber: '7', zipcode: '20457', location: 'Hamburg' },
    });
    expect(organization).toMatchObject({
      name: 'Ackermann Logistik',
      email: 'info@ackermann.example',
      size: 42,
      address: { location: 'Hamburg', houseNumber: '7' },
      variables: {},
    });
    expect(organization.id).not.toBe('');
    expect(Date.parse(organization.created)).not.toBeNaN();
  });

  it('getOrganization returns what was created', async () => {
    const created = await create('Brandt & Söhne');
    const { organization } = await getOrganization({ chatbotId, organizationId: created.id });
    expect(organization).toEqual(created);
  });

  it('updateOrganization sends the wrapped body: changed fields change, others stay', async () => {
    const created = await create('Carstens KG', { industry: 'Retail', size: 5 });
    const { organization } = await updateOrganization({
      chatbotId,
      organizationId: created.id,
      organization: { name: 'Carstens GmbH', variables: { tier: 'gold' } },
    });
    expect(organization).toMatchObject({
      id: created.id,
      name: 'Carstens GmbH',
      industry: 'Retail',
      size: 5,
      variables: { tier: 'gold' },
    });
    const reread = await getOrganization({ chatbotId, organizationId: created.id });
    expect(reread.organization?.name).toBe('Carstens GmbH');
  });

  it('deleteOrganization deletes: afterwards the organization is a 404', async () => {
    const created = await create('Dreher AG');
    expect(await deleteOrganization({ chatbotId, organizationId: created.id })).toEqual({
      deleted: true,
    });
    const error = await getOrganization({ chatbotId, organizationId: created.id }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it('listOrganizations pages newest first with limit and pageToken', async () => {
    const names = ['List one', 'List two', 'List three'];
    for (const name of names) await create(name);
    const firstPage = await listOrganizations({ chatbotId, limit: 2 });
    expect(firstPage.organizations).toHaveLength(2);
    const [newest, second] = firstPage.organizations;
    // Two of the three just created (several may share one millisecond), newest first.
    expect(names).toContain(newest?.name);
    expect(names).toContain(second?.name);
    expect(Date.parse(newest?.created ?? '')).toBeGreaterThanOrEqual(
      Date.parse(second?.created ?? ''),
    );

    // Everything created strictly before an instant after all of them: the whole list again.
    const all = await listOrganizations({ chatbotId, limit: 250 });
    const afterAll = new Date(Date.now() + 60_000).toISOString();
    const sameList = await listOrganizations({ chatbotId, limit: 250, pageToken: afterAll });
    expect(sameList.organizations.map((o) => o.id)).toEqual(all.organizations.map((o) => o.id));
    const beforeAll = '2000-01-01T00:00:00Z';
    expect(await listOrganizations({ chatbotId, pageToken: beforeAll })).toEqual({
      organizations: [],
    });
  });

  it('searchOrganizations finds by name, pages and leaves out hiddenHits', async () => {
    const first = await create('Zebrafisch Consulting');
    const second = await create('Zebrafisch Media');
    const found = await searchOrganizations({
      chatbotId,
      query: 'zebrafisch',
      page: 1,
      pageSize: 10,
    });
    expect(found.error).toBeUndefined();
    expect(found.results?.found).toBe(2);
    expect(found.results?.page).toBe(1);
    expect(found.results?.hits.map((hit) => hit.organization.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(found.results?.hits[0]?.highlights[0]?.snippet).toContain('<mark>');

    const secondPage = await searchOrganizations({
      chatbotId,
      query: 'zebrafisch',
      page: 2,
      pageSize: 1,
    });
    expect(secondPage.results?.hits).toHaveLength(1);

    const hidden = await searchOrganizations({
      chatbotId,
      query: 'zebrafisch',
      page: 1,
      pageSize: 10,
      hiddenHits: [first.id],
    });
    expect(hidden.results?.hits.map((hit) => hit.organization.id)).toEqual([second.id]);
  });

  it('passes hostile strings through unchanged in both directions', async () => {
    const hostile = '</mark><img src=x onerror=alert(1)><mark> & "quoted" \u202Eevil';
    const created = await create(hostile, { industry: '__proto__', email: 'javascript:alert(1)' });
    const { organization } = await getOrganization({ chatbotId, organizationId: created.id });
    expect(organization).toMatchObject({
      name: hostile,
      industry: '__proto__',
      email: 'javascript:alert(1)',
    });
  });
});

describe('getConsoleConfig', () => {
  it('reads the mode and the chatbot the console opens on, as the console server serves them', async () => {
    expect(await getConsoleConfig()).toEqual({ mode: 'sandbox', defaultChatbotId: chatbotId });
  });
});
