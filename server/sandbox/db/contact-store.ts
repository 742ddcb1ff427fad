import type Database from 'better-sqlite3';
import type { ContactDto } from '../types.ts';

/** A contact as stored: its organization ids come from the link table when read. */
export type StoredContact = Omit<ContactDto, 'organizationIds'>;

export interface ContactStore {
  /** The organization's contacts, oldest first (the API returns them unpaged). */
  listForOrganization(organizationId: string): ContactDto[];
  countForOrganization(organizationId: string): number;
  insert(chatbotId: string, contact: StoredContact): void;
  link(contactId: string, organizationId: string): void;
}

export function createContactStore(db: Database.Database): ContactStore {
  // organizationIds is assembled from the link table, so deleting an organization (which
  // cascades to its links) removes its id from every contact without rewriting their JSON.
  const selectForOrganization = db
    .prepare(
      `SELECT c.json,
              (SELECT json_group_array(l.organization_id) FROM contact_organizations l
                WHERE l.contact_id = c.id) AS organization_ids
         FROM contact_organizations link JOIN contacts c ON c.id = link.contact_id
        WHERE link.organization_id = ?
        ORDER BY c.created_ms, c.id`,
    )
    .raw();
  const countForOrganization = db
    .prepare('SELECT count(*) FROM contact_organizations WHERE organization_id = ?')
    .pluck();
  const insertOne = db.prepare(
    'INSERT INTO contacts (id, chatbot_id, created_ms, json) VALUES (?, ?, ?, ?)',
  );
  const linkOne = db.prepare(
    'INSERT OR IGNORE INTO contact_organizations (organization_id, contact_id) VALUES (?, ?)',
  );

  return {
    listForOrganization(organizationId) {
      const rows = selectForOrganization.all(organizationId) as [string, string][];
      return rows.map(([json, organizationIds]) => ({
        ...(JSON.parse(json) as StoredContact),
        organizationIds: JSON.parse(organizationIds) as string[],
      }));
    },
    countForOrganization: (organizationId) => countForOrganization.get(organizationId) as number,
    insert(chatbotId, contact) {
      insertOne.run(contact.id, chatbotId, Date.parse(contact.created), JSON.stringify(contact));
    },
    link(contactId, organizationId) {
      linkOne.run(organizationId, contactId);
    },
  };
}
