import type Database from 'better-sqlite3';
import { createContactStore } from '../db/contact-store.ts';
import { createOrganizationStore } from '../db/organization-store.ts';
import { SANDBOX_CHATBOT_ID } from '../api-keys.ts';
import { generateSeed } from './generate-seed.ts';

export interface SeedOptions {
  organizations: number;
  /** The chatbot that owns the seeded records (default: the sandbox keys' chatbot, `demo`). */
  chatbotId?: string;
}

export interface SeedSummary {
  organizations: number;
  contacts: number;
  /** Contact ↔ organization links (a contact can belong to several organizations). */
  links: number;
}

/** Writes the seed in one transaction: all of it or, after a crash, none of it. */
export function seedDatabase(db: Database.Database, options: SeedOptions): SeedSummary {
  const chatbotId = options.chatbotId ?? SANDBOX_CHATBOT_ID;
  const organizations = createOrganizationStore(db);
  const contacts = createContactStore(db);
  const summary: SeedSummary = { organizations: 0, contacts: 0, links: 0 };
  // The generator only links contacts to organizations it has written: skipping the foreign key
  // lookups (a third of the write time) cannot let a dangling link in. The pragma cannot change
  // inside a transaction, hence around it.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    writeAll();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return summary;

  function writeAll(): void {
    db.transaction(() => {
      for (const record of generateSeed(options.organizations)) {
        if (record.kind === 'organization') {
          const { organization, phoneNumber } = record.seeded;
          organizations.insert(chatbotId, organization, phoneNumber);
          summary.organizations++;
        } else if (record.kind === 'contact') {
          contacts.insert(chatbotId, record.contact);
          contacts.link(record.contact.id, record.organizationId);
          summary.contacts++;
          summary.links++;
        } else {
          contacts.link(record.contactId, record.organizationId);
          summary.links++;
        }
      }
    })();
  }
}
