// What the signed-in person may do at the console, from GET /console/session: the role's
// operations and, when the console knows them, its API key's (the sandbox's keys). A write the
// role or the key may not make is disabled with a sentence saying why.
import type { ConsoleSession, SessionOperation } from '../../api/session/session.ts';

export type WriteOperation = 'createOrganization' | 'updateOrganization' | 'deleteOrganization';

/** Per operation: why it is not allowed (plain words), when it is known not to be. */
export type WriteDenials = Partial<Record<WriteOperation, string>>;

const SESSION_OPERATION: Readonly<Record<WriteOperation, SessionOperation>> = {
  createOrganization: 'create',
  updateOrganization: 'update',
  deleteOrganization: 'delete',
};

const ACTIONS: Readonly<Record<WriteOperation, string>> = {
  createOrganization: 'create organizations',
  updateOrganization: 'edit organizations',
  deleteOrganization: 'delete organizations',
};

const PERMISSIONS: Readonly<Record<WriteOperation, string>> = {
  createOrganization: 'chatbots.organizations.create',
  updateOrganization: 'chatbots.organizations.edit',
  deleteOrganization: 'chatbots.organizations.delete',
};

export const WRITE_OPERATIONS = Object.keys(SESSION_OPERATION) as WriteOperation[];

/** "Your role, viewer, cannot create organizations — ask an admin." */
export function roleDenialReason(role: string, operation: WriteOperation): string {
  return `Your role, ${role}, cannot ${ACTIONS[operation]} — ask an admin.`;
}

/** "This API key may not edit organizations (it lacks the permission …)." */
export function keyDenialReason(operation: WriteOperation): string {
  return `This API key may not ${ACTIONS[operation]} (it lacks the permission “${PERMISSIONS[operation]}”).`;
}

/**
 * The writes refused to this session: by its role first (the reason a person can act on), then by
 * the console's key when the server knows it, then by a 403 a write met (`learned`: the real API's
 * key, whose permissions cannot be asked). While the session is unknown, nothing is denied: the
 * server checks every write anyway.
 */
export function writeDenials(
  session: ConsoleSession | undefined,
  learned: WriteDenials = {},
): WriteDenials {
  const denials: WriteDenials = {};
  for (const operation of WRITE_OPERATIONS) {
    const name = SESSION_OPERATION[operation];
    if (session !== undefined && !session.operations.includes(name)) {
      denials[operation] = roleDenialReason(session.role ?? 'none', operation);
    } else if (session?.keyOperations != null && !session.keyOperations.includes(name)) {
      denials[operation] = keyDenialReason(operation);
    } else if (learned[operation] !== undefined) {
      denials[operation] = learned[operation];
    }
  }
  return denials;
}

/** May this session read the whole audit trail (the Audit page)? */
export function mayReadAudit(session: ConsoleSession | undefined): boolean {
  return session?.operations.includes('audit') ?? false;
}

/** "Ada Admin · admin", or the e-mail when the provider gave no name. */
export function signedInLabel(session: ConsoleSession): string | null {
  if (session.user === null) return null;
  return session.user.name ?? session.user.email ?? session.user.subject;
}
