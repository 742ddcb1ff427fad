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
   * ties), as the text of a JSON array of OrganizationDto in parts: `[`, the stored texts with
   * the commas between them, `]`. Every stored text is JSON.stringify of the record (insert,
   * replace), so the parts joined are the text JSON.stringify would make of the parsed page,
   * without parsing and serialising it again (that was most of the list's time at limit 100).
   *
   * The rows are read LIST_BATCH_ROWS at a time, each batch when its first part is taken, after
   * the last row of the one before in the page's order: a page taken in slices with other
   * requests between them (http/sliced-body.ts) is still `limit` records (as many as there are),
   * in order, each once, each as stored when its batch was read.
   */
  listJsonParts(chatbotId: string, page: OrganizationPage): Generator<string, void, undefined>;
  get(chatbotId: string, organizationId: string): OrganizationDto | undefined;
  insert(chatbotId: string, organization: OrganizationDto, phoneNumber: string | undefined): void;
  /** Replaces the stored record; `created` (and so the sort position) never changes. */
  replace(chatbotId: string, organization: OrganizationDto): void;
  /** Deletes the organization and its contact links; false when there was none. */
  delete(chatbotId: string, organizationId: string): boolean;
}

/**
 * Rows read at once by listJsonParts: at the field limits (about 60 KB a record) some 1.5 MB,
 * a few milliseconds; a whole page of 100 small records in at most four statements.
 */
export const LIST_BATCH_ROWS = 25;

/** Above every stored `created_ms`: the first batch of a page without a cursor. */
const NO_CURSOR_MS = Number.MAX_SAFE_INTEGER;

export function createOrganizationStore(db: Database.Database): OrganizationStore {
  const countAll = db.prepare('SELECT count(*) FROM organizations').pluck();
  const selectAll = db.prepare('SELECT chatbot_id, json FROM organizations').raw();
  // Rows strictly after (created_ms, id) in the list's order; an id of '' makes it "created
  // strictly before" (no id is less than ''). The index organizations_newest_first serves it.
  const selectAfter = db
    .prepare(
      `SELECT created_ms, id, json FROM organizations
       WHERE chatbot_id = ? AND (created_ms, id) < (?, ?)
       ORDER BY created_ms DESC, id DESC LIMIT ?`,
    )
    .raw();
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
    *listJsonParts(chatbotId, { createdBeforeMs, limit }) {
      // Strings, not one Buffer made by SQLite (CAST(group_concat(json) AS BLOB)): that spared the
      // UTF-8 round trip, but Buffers are external memory and 40 KB per request started a major
      // GC every few hundred requests, with pauses of 100 ms and more under load.
      let afterMs = createdBeforeMs ?? NO_CURSOR_MS;
      let afterId = '';
      let taken = 0;
      yield '[';
      while (taken < limit) {
        const batch = Math.min(LIST_BATCH_ROWS, limit - taken);
        const rows = selectAfter.all(chatbotId, afterMs, afterId, batch) as [
          number,
          string,
          string,
        ][];
        for (const [createdMs, id, json] of rows) {
          yield taken === 0 ? json : `,${json}`;
          taken++;
          afterMs = createdMs;
          afterId = id;
        }
        if (rows.length < batch) break;
      }
      yield ']';
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
