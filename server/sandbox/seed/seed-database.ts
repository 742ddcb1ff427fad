import type Database from 'better-sqlite3';
import { SANDBOX_CHATBOT_ID } from '../api-keys.ts';
import { createContactStore } from '../db/contact-store.ts';
import { createSecondaryIndexes, dropSecondaryIndexes } from '../db/open-database.ts';
import { createOrganizationStore } from '../db/organization-store.ts';
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

/**
 * Writes the seed in one transaction: all of it or, after a crash, none of it. Meant for an
 * empty database (the sandbox seeds only then; the CLI clears it first).
 */
export function seedDatabase(db: Database.Database, options: SeedOptions): SeedSummary {
  const chatbotId = options.chatbotId ?? SANDBOX_CHATBOT_ID;
  const organizations = createOrganizationStore(db);
  const contacts = createContactStore(db);
  const summary: SeedSummary = { organizations: 0, contacts: 0, links: 0 };

  const writeAll = db.transaction(() => {
    dropSecondaryIndexes(db);
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
    createSecondaryIndexes(db);
  });

  // The generator links contacts only to organizations it has already written, so the foreign
  // key checks cannot catch anything here; they are switched off for the bulk write to save
  // their lookups. The pragma has no effect inside a transaction, hence around it.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    writeAll();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return summary;
}
