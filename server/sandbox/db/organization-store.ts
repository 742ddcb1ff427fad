import type Database from 'better-sqlite3';
import type { OrganizationDto } from '../types.ts';

export interface OrganizationPage {
  /** Only organizations created strictly before this instant (epoch ms); none: from the newest. */
  createdBeforeMs?: number;
  limit: number;
}

/** Reads and writes organizations; every method is scoped to one chatbot. */
export interface OrganizationStore {
  count(): number;
  /** Every stored organization, grouped by chatbot: the search indexes are built from this. */
  loadAllByChatbot(): Map<string, OrganizationDto[]>;
  /**
   * One page, newest first (`created` descending, then `id` descending as a stable order for
   * ties), as the text of a JSON array of OrganizationDto: the stored texts joined as they are.
   * Every stored text is JSON.stringify of the record (insert, replace), so this is the text
   * JSON.stringify would make of the parsed page, without parsing and serialising it again
   * (that was most of the list's time at limit 100).
   */
  listJson(chatbotId: string, page: OrganizationPage): string;
  get(chatbotId: string, organizationId: string): OrganizationDto | undefined;
  insert(chatbotId: string, organization: OrganizationDto, phoneNumber: string | undefined): void;
  /** Replaces the stored record; `created` (and so the sort position) never changes. */
  replace(chatbotId: string, organization: OrganizationDto): void;
  /** Deletes the organization and its contact links; false when there was none. */
  delete(chatbotId: string, organizationId: string): boolean;
}

export function createOrganizationStore(db: Database.Database): OrganizationStore {
  const countAll = db.prepare('SELECT count(*) FROM organizations').pluck();
  const selectAll = db.prepare('SELECT chatbot_id, json FROM organizations').raw();
  const selectNewest = db
    .prepare(
      `SELECT json FROM organizations WHERE chatbot_id = ?
       ORDER BY created_ms DESC, id DESC LIMIT ?`,
    )
    .pluck();
  const selectBefore = db
    .prepare(
      `SELECT json FROM organizations WHERE chatbot_id = ? AND created_ms < ?
       ORDER BY created_ms DESC, id DESC LIMIT ?`,
    )
    .pluck();
  const selectOne = db
    .prepare('SELECT json FROM organizations WHERE chatbot_id = ? AND id = ?')
    .pluck();
  const insertOne = db.prepare(
    `INSERT INTO organizations (id, chatbot_id, created_ms, phone_number, json)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const updateOne = db.prepare('UPDATE organizations SET json = ? WHERE chatbot_id = ? AND id = ?');
  // Contact links go with the row (ON DELETE CASCADE), so contacts lose this organization's id.
  const deleteOne = db.prepare('DELETE FROM organizations WHERE chatbot_id = ? AND id = ?');

  const parse = (json: unknown): OrganizationDto => JSON.parse(json as string) as OrganizationDto;

  return {
    count: () => countAll.get() as number,
    loadAllByChatbot() {
      const byChatbot = new Map<string, OrganizationDto[]>();
      for (const [chatbotId, json] of selectAll.all() as [string, string][]) {
        let organizations = byChatbot.get(chatbotId);
        if (!organizations) {
          organizations = [];
          byChatbot.set(chatbotId, organizations);
        }
        organizations.push(parse(json));
      }
      return byChatbot;
    },
    listJson(chatbotId, { createdBeforeMs, limit }) {
      const rows =
        createdBeforeMs === undefined
          ? selectNewest.all(chatbotId, limit)
          : selectBefore.all(chatbotId, createdBeforeMs, limit);
      // Strings, not one Buffer made by SQLite (CAST(group_concat(json) AS BLOB)): that spared the
      // UTF-8 round trip, but Buffers are external memory and 40 KB per request started a major
      // GC every few hundred requests, with pauses of 100 ms and more under load.
      return `[${(rows as string[]).join(',')}]`;
    },
    get(chatbotId, organizationId) {
      const json = selectOne.get(chatbotId, organizationId);
      return json === undefined ? undefined : parse(json);
    },
    insert(chatbotId, organization, phoneNumber) {
      insertOne.run(
        organization.id,
        chatbotId,
        Date.parse(organization.created),
        phoneNumber ?? null,
        JSON.stringify(organization),
      );
    },
    replace(chatbotId, organization) {
      updateOne.run(JSON.stringify(organization), chatbotId, organization.id);
    },
    delete(chatbotId, organizationId) {
      return deleteOne.run(chatbotId, organizationId).changes > 0;
    },
  };
}
