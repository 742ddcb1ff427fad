// GET /console/audit: the audit trail, newest first, in keyset pages, with filters. The whole trail
// is for admins; one organization's history (organizationId given) is for every role, since
// whoever may open the organization may see who changed it and how (its History tab).
import type { Hono, MiddlewareHandler } from 'hono';
import { OPERATION_ROLES, refusalMessage, roleAllows } from '../api/roles.ts';
import type { TeamAccess } from '../auth/console-auth.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import { StoreInputError } from '../store/index.ts';
import { parseAuditQuery } from './audit-query.ts';

export function mountAuditRoutes(
  app: Hono<ConsoleEnv>,
  team: TeamAccess,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  app.get('/console/audit', session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const actor = c.get('actor');
    if (actor === undefined) throw new Error('the audit route runs after the session step');
    const parsed = parseAuditQuery(new URL(c.req.url).search);
    if (!parsed.ok) return c.json({ error: parsed.error }, 400);
    const { query } = parsed;
    if (
      actor.kind === 'person' &&
      !roleAllows(actor.role, 'audit') &&
      query.organizationId === undefined
    ) {
      return c.json(
        {
          error: `${refusalMessage(actor.role, 'audit')} One organization's history (organizationId=…) is open to every role.`,
          role: actor.role,
          requiredRole: OPERATION_ROLES.audit,
          operation: 'audit',
        },
        403,
      );
    }
    try {
      return c.json(await team.store.audit.list(query));
    } catch (error) {
      if (error instanceof StoreInputError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });
}
