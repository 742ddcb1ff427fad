import { createMiddleware } from 'hono/factory';
import { OPERATION_ROLES, refusalMessage, roleAllows } from '../api/roles.ts';
import { auditActor, type AuditRecorder } from '../audit/audit-recorder.ts';
import type { ConsoleEnv } from './console-env.ts';

/**
 * The role check, after the session step and before the body is read or anything reaches the
 * backend: a person's role must reach the operation's (the operations table). A refusal is a 403
 * naming the role needed; a refused write is recorded in the audit trail with its outcome. In
 * local mode (no sign-in) every operation is allowed.
 */
export function roleCheck(recorder: AuditRecorder | undefined) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const resolved = c.get('apiOperation');
    const actor = c.get('actor');
    if (resolved === undefined || actor === undefined) {
      throw new Error('roleCheck runs after apiOperation and the session step');
    }
    const { operation, parameters } = resolved;
    if (actor.kind === 'local' || roleAllows(actor.role, operation.name)) return next();
    const error = refusalMessage(actor.role, operation.name);
    if (operation.write) {
      await recorder?.record({
        ...auditActor(actor),
        operation: operation.name,
        chatbotId: parameters.chatbotId ?? '',
        organizationId: parameters.organizationId ?? null,
        organizationName: null,
        before: null,
        after: null,
        status: 403,
        error,
        requestId: c.get('requestId'),
      });
    }
    return c.json(
      {
        error,
        role: actor.role,
        requiredRole: OPERATION_ROLES[operation.name],
        operation: operation.name,
      },
      403,
    );
  });
}
