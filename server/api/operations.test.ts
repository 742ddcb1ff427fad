import { describe, expect, it } from 'vitest';
import { matchOperation } from './operations.ts';

const at = (path: string) => path.slice(1).split('/');

describe('matchOperation', () => {
  it.each([
    ['GET', '/v1/chatbots/b/organizations', 'list', {}],
    ['POST', '/v1/chatbots/b/organizations', 'create', {}],
    ['GET', '/v1/chatbots/b/organizations/search', 'search', {}],
    ['GET', '/v1/chatbots/b/organizations/o1', 'get', { organizationId: 'o1' }],
    ['PATCH', '/v1/chatbots/b/organizations/o1', 'update', { organizationId: 'o1' }],
    ['DELETE', '/v1/chatbots/b/organizations/o1', 'delete', { organizationId: 'o1' }],
    // "search" is an organization's id for the operations that the search path does not have.
    ['PATCH', '/v1/chatbots/b/organizations/search', 'update', { organizationId: 'search' }],
    ['GET', '/v1/chatbots/b/organizations/o1/contacts', 'contacts', { organizationId: 'o1' }],
    ['GET', '/v1/chatbots/b/organizations/o1/contacts/count', 'contactsCount', {}],
  ])('%s %s is %s', (method, path, name, parameters) => {
    const match = matchOperation(method, at(path));
    expect(match.kind).toBe('operation');
    if (match.kind !== 'operation') return;
    expect(match.operation.name).toBe(name);
    expect(match.parameters).toMatchObject({ chatbotId: 'b', ...parameters });
  });

  it.each([
    ['PUT', '/v1/chatbots/b/organizations', ['GET', 'POST']],
    ['POST', '/v1/chatbots/b/organizations/o1', ['GET', 'PATCH', 'DELETE']],
    ['DELETE', '/v1/chatbots/b/organizations/o1/contacts', ['GET']],
    ['HEAD', '/v1/chatbots/b/organizations/o1/contacts/count', ['GET']],
  ])('%s %s is not allowed; Allow: %j', (method, path, allowed) => {
    expect(matchOperation(method, at(path))).toEqual({ kind: 'wrong-method', allowed });
  });

  it.each([
    '/v1/chatbots/b',
    '/v1/chatbots/b/settings',
    '/v1/chatbots//organizations',
    '/v1/chatbots/b/organizations/',
    '/v2/chatbots/b/organizations',
    '/v1/chatbots/b/organizations/o1/contacts/count/x',
  ])('%s is no operation', (path) => {
    expect(matchOperation('GET', at(path))).toEqual({ kind: 'none' });
  });
});
