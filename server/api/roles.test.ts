import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './operations.ts';
import { CONSOLE_OPERATIONS, OPERATION_ROLES, operationsAllowed, refusalMessage } from './roles.ts';

describe('the roles table', () => {
  it('is the issue’s: viewer reads, agent also updates, admin also creates, deletes and audits', () => {
    expect(operationsAllowed('viewer')).toEqual([
      'list',
      'search',
      'get',
      'contacts',
      'contactsCount',
    ]);
    expect(operationsAllowed('agent')).toEqual([
      'list',
      'search',
      'get',
      'update',
      'contacts',
      'contactsCount',
    ]);
    expect(operationsAllowed('admin')).toEqual(CONSOLE_OPERATIONS);
  });

  it('comes from the operations table for the eight operations', () => {
    for (const operation of OPERATIONS)
      expect(OPERATION_ROLES[operation.name]).toBe(operation.role);
    expect(CONSOLE_OPERATIONS).toEqual([...OPERATIONS.map((operation) => operation.name), 'audit']);
  });

  it('says which role an operation needs', () => {
    expect(refusalMessage('viewer', 'delete')).toBe(
      'Your role (viewer) may not delete organizations: that needs the admin role. Ask an admin of the console if you need it.',
    );
  });
});
