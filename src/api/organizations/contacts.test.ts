// The contact operations against the real sandbox, seeded (contacts exist only in the seed: the
// API cannot create them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { ApiError, configureApiClient } from '../client.ts';
import { countOrganizationContacts, listOrganizationContacts } from './contacts.ts';
import { createOrganization, listOrganizations } from './organizations.ts';

let sandbox: TestSandbox;
let restoreClient: () => void;

beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: 40 });
  restoreClient = configureApiClient({ fetch: sandbox.fetch });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});

describe('contacts API', () => {
  it('lists an organization’s contacts, and counts the same number', async () => {
    const { chatbotId } = sandbox;
    const { organizations } = await listOrganizations({ chatbotId, limit: 40 });
    let withContacts = 0;
    for (const { id: organizationId } of organizations) {
      const { contacts } = await listOrganizationContacts({ chatbotId, organizationId });
      const { count } = await countOrganizationContacts({ chatbotId, organizationId });
      expect(count).toBe(contacts.length);
      for (const contact of contacts) expect(contact.organizationIds).toContain(organizationId);
      if (contacts.length > 0) withContacts++;
    }
    // The seed links contacts to most organizations; all-empty would mean the calls read nothing.
    expect(withContacts).toBeGreaterThan(0);
  });

  it('a new organization has no contacts', async () => {
    const { chatbotId } = sandbox;
    const { organization } = await createOrganization({ chatbotId, body: { name: 'No people' } });
    const organizationId = organization?.id ?? '';
    expect(await listOrganizationContacts({ chatbotId, organizationId })).toEqual({ contacts: [] });
    expect(await countOrganizationContacts({ chatbotId, organizationId })).toEqual({ count: 0 });
  });

  it('an unknown organization is a 404 for both', async () => {
    const params = { chatbotId: sandbox.chatbotId, organizationId: 'missing/../x' };
    const listError = await listOrganizationContacts(params).catch((e: unknown) => e);
    const countError = await countOrganizationContacts(params).catch((e: unknown) => e);
    expect(listError).toBeInstanceOf(ApiError);
    expect(listError).toMatchObject({ status: 404, operation: 'listOrganizationContacts' });
    expect(countError).toMatchObject({ status: 404, operation: 'countOrganizationContacts' });
  });
});
