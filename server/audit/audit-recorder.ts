// Appends audit entries for the request pipeline. A write has already happened when its entry is
// written, so a store failure cannot undo it: the failure is logged (operation, organization and
// request id; never a key, cookie or session id) and the answer goes to the person as it came.
import type { Actor } from '../pipeline/console-env.ts';
import type { AuditStore, NewAuditEntry } from '../store/index.ts';

/** The actor the audit trail names when the console runs without sign-in. */
export const LOCAL_ACTOR_SUBJECT = 'local';

export interface AuditRecorder {
  record(entry: NewAuditEntry): Promise<void>;
}

export function createAuditRecorder(audit: AuditStore, log: (line: string) => void): AuditRecorder {
  return {
    async record(entry) {
      try {
        await audit.append(entry);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(
          `console: audit entry not recorded (${entry.operation}, organization ` +
            `${entry.organizationId ?? '(new)'}, request ${entry.requestId ?? '-'}): ${reason}`,
        );
      }
    },
  };
}

/** Who an entry names: the person's `sub` and e-mail, or `local` (no sign-in) with no e-mail. */
export function auditActor(actor: Actor | undefined): {
  actorSubject: string;
  actorEmail: string | null;
} {
  if (actor === undefined || actor.kind === 'local') {
    return { actorSubject: LOCAL_ACTOR_SUBJECT, actorEmail: null };
  }
  return { actorSubject: actor.subject, actorEmail: actor.email };
}
