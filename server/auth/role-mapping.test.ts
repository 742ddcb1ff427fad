import { describe, expect, it } from 'vitest';
import type { RoleMapping } from './auth-config.ts';
import { roleFor } from './role-mapping.ts';

const MAPPING: RoleMapping = {
  claim: 'groups',
  groups: { admin: ['console-admins'], agent: ['support'], viewer: ['staff'] },
  emails: { admin: ['ada@example.com'], agent: [], viewer: ['@example.com'] },
};

describe('roleFor', () => {
  it.each([
    [{ sub: 's', groups: ['staff'] }, 'viewer'],
    [{ sub: 's', groups: ['staff', 'support'] }, 'agent'],
    [{ sub: 's', groups: 'console-admins' }, 'admin'],
    [{ sub: 's', email: 'Bob@Example.com' }, 'viewer'],
    [{ sub: 's', email: 'ada@example.com', groups: ['support'] }, 'admin'],
    [{ sub: 's', email: 'ada@example.com.evil.test' }, undefined],
    [{ sub: 's', email: 'mallory@evil.test', groups: ['other'] }, undefined],
    [{ sub: 's', groups: [42, null] }, undefined],
    [{ sub: 's' }, undefined],
  ])('%j → %s (the highest role any source gives)', (claims, role) => {
    expect(roleFor(claims, MAPPING)).toBe(role);
  });

  it('does not take an e-mail the provider calls unverified', () => {
    expect(roleFor({ sub: 's', email: 'ada@example.com', email_verified: false }, MAPPING)).toBe(
      undefined,
    );
    expect(roleFor({ sub: 's', email: 'ada@example.com', email_verified: true }, MAPPING)).toBe(
      'admin',
    );
  });

  it('reaches into an object with a dotted claim name (realm_access.roles)', () => {
    const keycloak = { ...MAPPING, claim: 'realm_access.roles' };
    expect(roleFor({ sub: 's', realm_access: { roles: ['support'] } }, keycloak)).toBe('agent');
    expect(roleFor({ sub: 's', 'realm_access.roles': ['staff'] }, keycloak)).toBe('viewer');
  });

  it('gives nothing by groups without a claim name', () => {
    expect(
      roleFor({ sub: 's', groups: ['console-admins'] }, { ...MAPPING, claim: undefined }),
    ).toBe(undefined);
  });
});
