import { describe, expect, it } from 'vitest';
import type { ConsoleSession } from '../../api/session/session.ts';
import { keyDenialReason, mayReadAudit, signedInLabel, writeDenials } from './access.ts';

const ROLES = { list: 'viewer', create: 'admin', update: 'agent', delete: 'admin', audit: 'admin' };

function session(overrides: Partial<ConsoleSession>): ConsoleSession {
  return {
    mode: 'demo',
    signInRequired: true,
    user: { subject: 's', name: 'Vera Viewer', email: 'viewer@demo.test' },
    role: 'viewer',
    operations: ['list', 'search', 'get', 'contacts', 'contactsCount'],
    operationRoles: ROLES as ConsoleSession['operationRoles'],
    keyOperations: null,
    ...overrides,
  };
}

describe('writeDenials', () => {
  it('denies nothing while the session is unknown (the server checks every write anyway)', () => {
    expect(writeDenials(undefined)).toEqual({});
  });

  it('names the role for every write a viewer may not make', () => {
    expect(writeDenials(session({}))).toEqual({
      createOrganization: 'Your role, viewer, cannot create organizations — ask an admin.',
      updateOrganization: 'Your role, viewer, cannot edit organizations — ask an admin.',
      deleteOrganization: 'Your role, viewer, cannot delete organizations — ask an admin.',
    });
  });

  it('lets an agent edit but not create or delete', () => {
    const agent = session({
      role: 'agent',
      operations: ['list', 'search', 'get', 'update', 'contacts', 'contactsCount'],
    });
    const denials = writeDenials(agent);
    expect(denials.updateOrganization).toBeUndefined();
    expect(denials.createOrganization).toContain('Your role, agent, cannot create');
    expect(denials.deleteOrganization).toContain('Your role, agent, cannot delete');
  });

  it('adds what the console’s key may not do, when the server knows it', () => {
    const local = session({
      mode: 'local',
      role: null,
      user: null,
      operations: ['list', 'create', 'search', 'get', 'update', 'delete', 'contacts', 'audit'],
      keyOperations: ['list', 'search', 'get', 'contacts', 'contactsCount'],
    });
    expect(writeDenials(local)).toEqual({
      createOrganization: keyDenialReason('createOrganization'),
      updateOrganization: keyDenialReason('updateOrganization'),
      deleteOrganization: keyDenialReason('deleteOrganization'),
    });
  });

  it('keeps a refusal a write met when neither role nor key explains it (the real API’s key)', () => {
    const admin = session({
      role: 'admin',
      operations: ['list', 'create', 'search', 'get', 'update', 'delete', 'audit'],
    });
    const learned = { deleteOrganization: keyDenialReason('deleteOrganization') };
    expect(writeDenials(admin, learned)).toEqual(learned);
  });
});

describe('mayReadAudit and signedInLabel', () => {
  it('shows the Audit page to a role with the audit operation only', () => {
    expect(mayReadAudit(session({}))).toBe(false);
    expect(mayReadAudit(session({ operations: ['list', 'audit'] }))).toBe(true);
    expect(mayReadAudit(undefined)).toBe(false);
  });

  it('names the person by name, else e-mail; nobody in local mode', () => {
    expect(signedInLabel(session({}))).toBe('Vera Viewer');
    expect(signedInLabel(session({ user: { subject: 's', name: null, email: 'a@b.test' } }))).toBe(
      'a@b.test',
    );
    expect(signedInLabel(session({ user: null }))).toBeNull();
  });
});
