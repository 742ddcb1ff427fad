// GET /console/audit: the audit trail, newest first, one keyset page at a time.
import { apiPath, request } from '../client.ts';
import { auditPageSchema } from '../schemas.ts';
import type { Infer } from '../validate.ts';

export type AuditPage = Infer<typeof auditPageSchema>;
export type AuditEntry = AuditPage['entries'][number];

/** The filters the server takes (server/audit/audit-query.ts); absent: no filter. */
export interface AuditFilters {
  chatbotId?: string | undefined;
  actorEmail?: string | undefined;
  organizationId?: string | undefined;
  /** `create`, `update` or `delete`. */
  operation?: string | undefined;
  /** ISO 8601 date or date-time (UTC when it has no offset). */
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 100;

export function listAuditEntries(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return request({
    operation: 'listAuditEntries',
    path: apiPath('console', 'audit'),
    query: { ...filters, cursor: cursor ?? undefined, limit: AUDIT_PAGE_SIZE },
    schema: auditPageSchema,
    signal,
  });
}
