// The eight operations of the contract (src/api/openapi.json, the table in docs/API-NOTES.md),
// written once. The same table tells the console which requests exist at all (anything else is
// 404), which methods a path has (405 with `Allow`), what the upstream proxy may forward, which
// query parameters and bodies an operation takes, the permission it needs at ChatCaptain, and the
// least console role that may call it (the role check, /console/session; see roles.ts).
import type { Permission } from '../sandbox/types.ts';
import type { ConsoleRole } from '../store/index.ts';

export type OperationName =
  'list' | 'create' | 'search' | 'get' | 'update' | 'delete' | 'contacts' | 'contactsCount';

export type OperationMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Operation {
  readonly name: OperationName;
  readonly method: OperationMethod;
  /** The path as the contract writes it, `{name}` for a parameter. */
  readonly path: string;
  readonly permission: Permission;
  /** The least console role that may call it (viewer < agent < admin). */
  readonly role: ConsoleRole;
  /** Changes data. */
  readonly write: boolean;
  /** Takes a JSON request body. */
  readonly body: boolean;
  /** The query parameters the contract declares; any other is refused. */
  readonly query: readonly string[];
}

const ORGANIZATIONS = '/v1/chatbots/{chatbotId}/organizations';
const ORGANIZATION = `${ORGANIZATIONS}/{organizationId}`;

/** In matching order: `…/organizations/search` is the search before it is an organization's id. */
export const OPERATIONS: readonly Operation[] = [
  {
    name: 'list',
    method: 'GET',
    path: ORGANIZATIONS,
    permission: 'chatbots.organizations.list',
    role: 'viewer',
    write: false,
    body: false,
    query: ['pageToken', 'limit'],
  },
  {
    name: 'create',
    method: 'POST',
    path: ORGANIZATIONS,
    permission: 'chatbots.organizations.create',
    role: 'admin',
    write: true,
    body: true,
    query: [],
  },
  {
    name: 'search',
    method: 'GET',
    path: `${ORGANIZATIONS}/search`,
    permission: 'chatbots.organizations.list',
    role: 'viewer',
    write: false,
    body: false,
    query: ['query', 'page', 'pageSize', 'hiddenHits'],
  },
  {
    name: 'get',
    method: 'GET',
    path: ORGANIZATION,
    permission: 'chatbots.organizations.get',
    role: 'viewer',
    write: false,
    body: false,
    query: [],
  },
  {
    name: 'update',
    method: 'PATCH',
    path: ORGANIZATION,
    permission: 'chatbots.organizations.edit',
    role: 'agent',
    write: true,
    body: true,
    query: [],
  },
  {
    name: 'delete',
    method: 'DELETE',
    path: ORGANIZATION,
    permission: 'chatbots.organizations.delete',
    role: 'admin',
    write: true,
    body: false,
    query: [],
  },
  {
    name: 'contacts',
    method: 'GET',
    path: `${ORGANIZATION}/contacts`,
    permission: 'chatbots.organizations.contacts.list',
    role: 'viewer',
    write: false,
    body: false,
    query: [],
  },
  {
    name: 'contactsCount',
    method: 'GET',
    path: `${ORGANIZATION}/contacts/count`,
    permission: 'chatbots.organizations.contacts.list',
    role: 'viewer',
    write: false,
    body: false,
    query: [],
  },
];

/** A path segment of a template: literal text, or a parameter's name. */
type TemplateSegment = { literal: string } | { parameter: string };

const TEMPLATES: ReadonlyMap<Operation, readonly TemplateSegment[]> = new Map(
  OPERATIONS.map((operation) => [
    operation,
    operation.path
      .slice(1)
      .split('/')
      .map((segment) =>
        segment.startsWith('{') ? { parameter: segment.slice(1, -1) } : { literal: segment },
      ),
  ]),
);

export type OperationMatch =
  | { kind: 'operation'; operation: Operation; parameters: Readonly<Record<string, string>> }
  /** The path is an operation's, the method is none of them: 405 with these in `Allow`. */
  | { kind: 'wrong-method'; allowed: readonly OperationMethod[] }
  | { kind: 'none' };

/**
 * The operation for a method and a path given as decoded segments (request-target.ts), with its
 * parameters; an empty segment never matches a parameter.
 */
export function matchOperation(method: string, segments: readonly string[]): OperationMatch {
  const allowed: OperationMethod[] = [];
  for (const [operation, template] of TEMPLATES) {
    const parameters = matchTemplate(template, segments);
    if (parameters === undefined) continue;
    if (operation.method === method) return { kind: 'operation', operation, parameters };
    if (!allowed.includes(operation.method)) allowed.push(operation.method);
  }
  return allowed.length === 0 ? { kind: 'none' } : { kind: 'wrong-method', allowed };
}

function matchTemplate(
  template: readonly TemplateSegment[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index] as string;
    if ('literal' in part) {
      if (segment !== part.literal) return undefined;
    } else {
      if (segment === '') return undefined;
      parameters[part.parameter] = segment;
    }
  }
  return parameters;
}
