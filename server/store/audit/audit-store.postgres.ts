import type pg from 'pg';
import {
  auditEntryFromRow,
  auditListSql,
  auditPage,
  prepareAuditEntry,
  retentionCutoff,
  type AuditStore,
} from './audit-store.ts';

export function createPostgresAuditStore(pool: pg.Pool, now: () => number): AuditStore {
  return {
    async append(entry) {
      const row = prepareAuditEntry(entry, now());
      const { rows } = await pool.query(
        `INSERT INTO audit_entries (at, actor_subject, actor_email, operation, chatbot_id,
           organization_id, organization_name, before, after, status, error, request_id, job_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::json, $10, $11, $12, $13)
         RETURNING *`,
        [
          row.at,
          row.actorSubject,
          row.actorEmail,
          row.operation,
          row.chatbotId,
          row.organizationId,
          row.organizationName,
          row.before,
          row.after,
          row.status,
          row.error,
          row.requestId,
          row.jobId,
        ],
      );
      return auditEntryFromRow(rows[0]);
    },
    async list(query = {}) {
      const { sql, params, limit } = auditListSql('postgres', query);
      const { rows } = await pool.query(sql, params);
      return auditPage(rows, limit);
    },
    async purgeOlderThan(days) {
      const result = await pool.query('DELETE FROM audit_entries WHERE at < $1', [
        retentionCutoff(days, now()),
      ]);
      return result.rowCount ?? 0;
    },
  };
}
