import type Database from 'better-sqlite3';
import type { Row } from '../rows.ts';
import { statementCache, writeReturning } from '../sqlite/statements.ts';
import {
  auditEntryFromRow,
  auditListSql,
  auditPage,
  prepareAuditEntry,
  retentionCutoff,
  type AuditStore,
} from './audit-store.ts';

export function createSqliteAuditStore(db: Database.Database, now: () => number): AuditStore {
  const insert = db.prepare(
    `INSERT INTO audit_entries (at, actor_subject, actor_email, operation, chatbot_id,
       organization_id, organization_name, before, after, status, error, request_id, job_id)
     VALUES (@at, @actorSubject, @actorEmail, @operation, @chatbotId, @organizationId,
       @organizationName, @before, @after, @status, @error, @requestId, @jobId)
     RETURNING *`,
  );
  const purge = db.prepare('DELETE FROM audit_entries WHERE at < ?');
  const prepared = statementCache(db);
  return {
    async append(entry) {
      return auditEntryFromRow(writeReturning(insert, prepareAuditEntry(entry, now())) as Row);
    },
    async list(query = {}) {
      const { sql, params, limit } = auditListSql('sqlite', query);
      return auditPage(prepared(sql).all(...params) as Row[], limit);
    },
    async purgeOlderThan(days) {
      return purge.run(retentionCutoff(days, now())).changes;
    },
  };
}
