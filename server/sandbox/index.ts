import type { Sandbox, SandboxOptions } from './contract.ts';
import { createContactStore } from './db/contact-store.ts';
import { openDatabase } from './db/open-database.ts';
import { createOrganizationStore } from './db/organization-store.ts';
import { createSandboxApp } from './http/app.ts';
import { newRandomId } from './ids.ts';
import { createSearchIndex } from './search/index.ts';
import type { SearchIndex } from './search/types.ts';
import { DEFAULT_SEED_ORGANIZATIONS } from './seed-defaults.ts';
import { seedDatabase } from './seed/seed-database.ts';

/**
 * Opens the sandbox on `<dataDir>/sandbox.sqlite`, seeds an empty database, loads every
 * organization into the search index and returns the API as a fetch handler. Synchronous:
 * better-sqlite3 is, and the console server should not accept requests before this is done.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const db = openDatabase(options.dataDir);
  const organizations = createOrganizationStore(db);
  const contacts = createContactStore(db);

  const seedOrganizations = options.seedOrganizations ?? DEFAULT_SEED_ORGANIZATIONS;
  if (seedOrganizations > 0 && organizations.count() === 0) {
    seedDatabase(db, { organizations: seedOrganizations });
  }

  const indexes = new Map<string, SearchIndex>();
  for (const [chatbotId, stored] of organizations.loadAllByChatbot()) {
    indexes.set(chatbotId, createSearchIndex(stored));
  }
  const searchIndexFor = (chatbotId: string): SearchIndex => {
    let index = indexes.get(chatbotId);
    if (!index) {
      index = createSearchIndex([]);
      indexes.set(chatbotId, index);
    }
    return index;
  };

  const app = createSandboxApp({
    organizations,
    contacts,
    searchIndexFor,
    transaction: (write) => db.transaction(write)(),
    newId: newRandomId,
    nowMs: Date.now,
  });

  return {
    fetch: async (request) => app.fetch(request),
    close: () => db.close(),
  };
}
