// Who may do what at the console: the least role of each operation, read from the operations table
// (operations.ts) for the eight API operations, plus the console's own `audit` (the whole trail).
// The role check, `GET /console/session` and the audit route all ask here.
import { CONSOLE_ROLES, type ConsoleRole } from '../store/index.ts';
import { OPERATIONS, type OperationName } from './operations.ts';

export { CONSOLE_ROLES, type ConsoleRole };

/** What the console lets a person do: the eight API operations and reading the audit trail. */
export type ConsoleOperationName = OperationName | 'audit';

/** The least role of every console operation, in the operations table's order, then `audit`. */
export const OPERATION_ROLES: Readonly<Record<ConsoleOperationName, ConsoleRole>> = {
  ...(Object.fromEntries(OPERATIONS.map((operation) => [operation.name, operation.role])) as Record<
    OperationName,
    ConsoleRole
  >),
  audit: 'admin',
};

export const CONSOLE_OPERATIONS = Object.keys(OPERATION_ROLES) as ConsoleOperationName[];

/** viewer < agent < admin: each role may do everything the one before it may. */
export function roleRank(role: ConsoleRole): number {
  return CONSOLE_ROLES.indexOf(role);
}

/** The higher of two roles (undefined: none). */
export function higherRole(
  a: ConsoleRole | undefined,
  b: ConsoleRole | undefined,
): ConsoleRole | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return roleRank(a) >= roleRank(b) ? a : b;
}

export function roleAllows(role: ConsoleRole, operation: ConsoleOperationName): boolean {
  return roleRank(role) >= roleRank(OPERATION_ROLES[operation]);
}

/** The operations a role may call, in the table's order. */
export function operationsAllowed(role: ConsoleRole): ConsoleOperationName[] {
  return CONSOLE_OPERATIONS.filter((operation) => roleAllows(role, operation));
}

/** What a person is doing with an operation, for refusals ("may not create organizations"). */
export const OPERATION_ACTIONS: Readonly<Record<ConsoleOperationName, string>> = {
  list: 'list organizations',
  create: 'create organizations',
  search: 'search organizations',
  get: 'view organizations',
  update: 'edit organizations',
  delete: 'delete organizations',
  contacts: 'view the contacts of organizations',
  contactsCount: 'count the contacts of organizations',
  audit: 'read the audit trail',
};

/** The 403 answer's sentence: names the role the person has and the one the operation needs. */
export function refusalMessage(role: ConsoleRole, operation: ConsoleOperationName): string {
  const needed = OPERATION_ROLES[operation];
  return (
    `Your role (${role}) may not ${OPERATION_ACTIONS[operation]}: that needs the ${needed} role. ` +
    'Ask an admin of the console if you need it.'
  );
}
