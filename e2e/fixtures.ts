// The e2e tests' shared set-up, as Playwright fixtures (`test.extend`): `organizations` creates
// what a test needs through the API — with the key header of an API client (api-client.ts), as
// any script must — and deletes every organization it created once the test is over, passed or
// failed, so no test sees another's leftovers. Specs import `test` and `expect` from here.
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { AS_API_CLIENT } from './api-client.ts';

export { expect };

export const CHATBOT = 'demo';
export const API = `/v1/chatbots/${CHATBOT}/organizations`;
export const LIST = `/chatbots/${CHATBOT}/organizations`;

/** An organization as the API returns it (the fields the specs read). */
export interface Organization {
  id: string;
  name: string;
  created: string;
  updated: string;
  industry?: string;
  website?: string;
  email?: string;
  size?: number;
  address?: Record<string, string>;
  variables: Record<string, string>;
}

export interface OrganizationsApi {
  /** POST; the organization is deleted after the test. Fails the test unless 201. */
  create(body: Record<string, unknown>): Promise<Organization>;
  /** GET; `organization` is undefined for a 404. */
  get(id: string): Promise<{ status: number; organization: Organization | undefined }>;
  /** PATCH with `variables: {}` unless given; fails the test unless 200. */
  update(id: string, organization: Record<string, unknown>): Promise<Organization>;
  /** DELETE (also of an organization the test did not create). */
  remove(id: string): Promise<void>;
}

/** A name no other test or seed record holds. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A unique name of one width whatever it holds: its unique part is 12 digits, and digits share
 * one width in the console's fonts. A test that a name fits a narrow row uses it; letters drawn
 * at random made such a test fail now and then ("…mxbh1kzwbkmq" was 6 px wider than most).
 */
export function uniqueNameOfFixedWidth(prefix: string): string {
  const random = Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');
  return `${prefix} ${(Date.now() % 1e6).toString().padStart(6, '0')}${random}`;
}

export const organizationPath = (id: string) => `${API}/${encodeURIComponent(id)}`;

function organizationsApi(request: APIRequestContext, created: Set<string>): OrganizationsApi {
  return {
    async create(body) {
      const response = await request.post(API, { data: body, headers: AS_API_CLIENT });
      expect(response.status(), await response.text()).toBe(201);
      const { organization } = (await response.json()) as { organization: Organization };
      created.add(organization.id);
      return organization;
    },
    async get(id) {
      const response = await request.get(organizationPath(id));
      const body = (await response.json()) as { organization?: Organization };
      return { status: response.status(), organization: body.organization };
    },
    async update(id, organization) {
      const response = await request.patch(organizationPath(id), {
        headers: AS_API_CLIENT,
        data: { organization: { variables: {}, ...organization } },
      });
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { organization: Organization }).organization;
    },
    async remove(id) {
      await request.delete(organizationPath(id), { headers: AS_API_CLIENT, maxRetries: 2 });
      created.delete(id);
    },
  };
}

export const test = base.extend<{ organizations: OrganizationsApi }>({
  organizations: async ({ request }, use) => {
    const created = new Set<string>();
    await use(organizationsApi(request, created));
    // Deleted through the API like any client would; one already deleted by the test is a 404.
    for (const id of created) {
      // A delete is safe to send again: a connection the server had just closed (ECONNRESET) is
      // retried rather than failing the test after it passed.
      const response = await request.delete(organizationPath(id), {
        headers: AS_API_CLIENT,
        maxRetries: 2,
      });
      expect([200, 404]).toContain(response.status());
    }
  },
});
