// The permission table must say what the contract says: each operation's description in
// openapi.json names its "Required Permission".
import { describe, expect, it } from 'vitest';
import type { Permission as SandboxPermission } from '../../server/sandbox/types.ts';
import openapi from './openapi.json' with { type: 'json' };
import {
  OPERATION_PERMISSIONS,
  permissionForOperation,
  permissionLabel,
  type ApiOperationName,
  type Permission,
} from './permissions.ts';

// The console's function names differ from the document's for one operation only.
const OPERATION_IDS: Record<ApiOperationName, string> = {
  listOrganizations: 'listOrganizations',
  createOrganization: 'createOrganization',
  searchOrganizations: 'searchOrganizations',
  getOrganization: 'getOrganization',
  updateOrganization: 'updateOrganization',
  deleteOrganization: 'deleteOrganization',
  listOrganizationContacts: 'listOrganizationContacts',
  countOrganizationContacts: 'getOrganizationContactsCount',
};

// The sandbox enforces the same permission names (a typecheck failure, not a test failure).
type Assert<T extends true> = T;
export type PermissionsMatchSandbox = Assert<
  [Permission] extends [SandboxPermission]
    ? [SandboxPermission] extends [Permission]
      ? true
      : false
    : false
>;

function documentedPermissions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const pathItem of Object.values(openapi.paths)) {
    for (const operation of Object.values(pathItem) as {
      operationId: string;
      description: string;
    }[]) {
      const name = /_(\w+)\[/.exec(operation.operationId)?.[1];
      const permission = /Required Permission:\*\* `([^`]+)`/.exec(operation.description)?.[1];
      if (name && permission) found.set(name, permission);
    }
  }
  return found;
}

describe('operation permissions', () => {
  it('match the Required Permission of every operation in openapi.json', () => {
    const documented = documentedPermissions();
    expect(documented.size).toBe(8);
    for (const [operation, operationId] of Object.entries(OPERATION_IDS)) {
      expect({
        operation,
        permission: OPERATION_PERMISSIONS[operation as ApiOperationName],
      }).toEqual({
        operation,
        permission: documented.get(operationId),
      });
    }
  });

  it('have a plain-words label each; the console config needs none', () => {
    expect(permissionLabel('chatbots.organizations.edit')).toBe('edit organizations');
    for (const permission of Object.values(OPERATION_PERMISSIONS)) {
      expect(permissionLabel(permission)).toMatch(/^[a-z ]+$/);
    }
    expect(permissionForOperation('getConsoleConfig')).toBeUndefined();
  });
});
