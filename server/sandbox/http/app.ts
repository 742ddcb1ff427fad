import { Hono } from 'hono';
import type { ContactStore } from '../db/contact-store.ts';
import type { OrganizationStore } from '../db/organization-store.ts';
import {
  organizationFromCreate,
  organizationWithUpdate,
} from '../organizations/organization-records.ts';
import type { SearchIndex } from '../search/types.ts';
import {
  parseJsonBody,
  validateCreateOrganization,
  validateUpdateOrganization,
} from '../validation/organization-body.ts';
import { parseListQuery, parseSearchQuery, readQuery } from '../validation/query-parameters.ts';
import { ValidationError } from '../validation/validation-error.ts';
import { authenticate, requirePermission, type SandboxEnv } from './authorize.ts';
import { listResponseParts, searchResponseParts } from './response-parts.ts';
import { slicedBody } from './sliced-body.ts';

export interface SandboxAppDependencies {
  organizations: OrganizationStore;
  contacts: ContactStore;
  /** The chatbot's search index (created empty on first use). */
  searchIndexFor(chatbotId: string): SearchIndex;
  /** Runs a write as one SQLite transaction. */
  transaction<T>(write: () => T): T;
  newId(): string;
  nowMs(): number;
}

export const ORGANIZATION_NOT_FOUND = 'Organization not found.';

// The header c.json sets, for a body that is JSON text already.
const JSON_CONTENT_TYPE = { 'Content-Type': 'application/json' };

const CHATBOT = '/v1/chatbots/:chatbotId';
const ORGANIZATIONS = `${CHATBOT}/organizations`;
const ORGANIZATION = `${ORGANIZATIONS}/:organizationId`;

/** The eight "Conversation organizations" operations of the contract (src/api/openapi.json). */
export function createSandboxApp(deps: SandboxAppDependencies): Hono<SandboxEnv> {
  const { organizations, contacts } = deps;
  const app = new Hono<SandboxEnv>();

  app.onError((error, c) => {
    if (error instanceof ValidationError) return c.json({ error: error.message }, 400);
    console.error('sandbox: unexpected error', error);
    return c.json({ error: 'Internal sandbox error.' }, 500);
  });
  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.use(`${CHATBOT}/*`, authenticate);

  app.get(ORGANIZATIONS, requirePermission('chatbots.organizations.list'), (c) => {
    const page = parseListQuery(readQuery(c.req.url));
    const pageParts = organizations.listJsonParts(c.req.param('chatbotId'), page);
    // What c.json({ organizations }) would send, built from the stored texts (listJsonParts), a
    // slice at a time when it is large.
    const parts = listResponseParts(pageParts);
    return c.body(slicedBody({ parts }), 200, JSON_CONTENT_TYPE);
  });

  app.post(ORGANIZATIONS, requirePermission('chatbots.organizations.create'), async (c) => {
    const request = validateCreateOrganization(parseJsonBody(await c.req.arrayBuffer()));
    const chatbotId = c.req.param('chatbotId');
    const organization = organizationFromCreate(request, deps.newId(), deps.nowMs());
    // "" means "no phone number", as for the other optional strings (organization-records.ts).
    organizations.insert(chatbotId, organization, request.phoneNumber || undefined);
    deps.searchIndexFor(chatbotId).upsert(organization);
    return c.json({ organization }, 201);
  });

  // Registered before `/:organizationId`, so "search" is never taken for an organization id.
  app.get(`${ORGANIZATIONS}/search`, requirePermission('chatbots.organizations.list'), (c) => {
    const params = parseSearchQuery(readQuery(c.req.url));
    const page = deps.searchIndexFor(c.req.param('chatbotId')).searchPage(params);
    // What c.json({ results }) would send, its hits highlighted and serialised a slice at a time.
    const parts = searchResponseParts(page);
    return c.body(slicedBody({ parts, beforePause: page.detach }), 200, JSON_CONTENT_TYPE);
  });

  app.get(ORGANIZATION, requirePermission('chatbots.organizations.get'), (c) => {
    const organization = organizations.get(c.req.param('chatbotId'), c.req.param('organizationId'));
    if (!organization) return c.json({ error: ORGANIZATION_NOT_FOUND }, 404);
    return c.json({ organization });
  });

  app.patch(ORGANIZATION, requirePermission('chatbots.organizations.edit'), async (c) => {
    const update = validateUpdateOrganization(parseJsonBody(await c.req.arrayBuffer()));
    const chatbotId = c.req.param('chatbotId');
    const organization = deps.transaction(() => {
      const stored = organizations.get(chatbotId, c.req.param('organizationId'));
      if (!stored) return undefined;
      const updated = organizationWithUpdate(stored, update, deps.nowMs());
      organizations.replace(chatbotId, updated);
      return updated;
    });
    if (!organization) return c.json({ error: ORGANIZATION_NOT_FOUND }, 404);
    deps.searchIndexFor(chatbotId).upsert(organization);
    return c.json({ organization });
  });

  app.delete(ORGANIZATION, requirePermission('chatbots.organizations.delete'), (c) => {
    const chatbotId = c.req.param('chatbotId');
    const organizationId = c.req.param('organizationId');
    if (!organizations.delete(chatbotId, organizationId)) {
      return c.json({ error: ORGANIZATION_NOT_FOUND }, 404);
    }
    deps.searchIndexFor(chatbotId).remove(organizationId);
    return c.json({ deleted: true });
  });

  app.get(
    `${ORGANIZATION}/contacts`,
    requirePermission('chatbots.organizations.contacts.list'),
    (c) => {
      const organizationId = c.req.param('organizationId');
      if (!organizations.get(c.req.param('chatbotId'), organizationId)) {
        return c.json({ error: ORGANIZATION_NOT_FOUND }, 404);
      }
      return c.json({ contacts: contacts.listForOrganization(organizationId) });
    },
  );

  app.get(
    `${ORGANIZATION}/contacts/count`,
    requirePermission('chatbots.organizations.contacts.list'),
    (c) => {
      const organizationId = c.req.param('organizationId');
      if (!organizations.get(c.req.param('chatbotId'), organizationId)) {
        return c.json({ error: ORGANIZATION_NOT_FOUND }, 404);
      }
      return c.json({ count: contacts.countForOrganization(organizationId) });
    },
  );

  return app;
}
