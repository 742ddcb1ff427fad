import { describe, expect, it } from 'vitest';
import { ConfigError } from '../settings.ts';
import { loadAuthConfig, type AuthContext } from './auth-config.ts';

const SANDBOX: AuthContext = { backend: 'sandbox', host: '127.0.0.1', consoleUrl: undefined };
const UPSTREAM: AuthContext = { backend: 'upstream', host: '127.0.0.1', consoleUrl: undefined };
const DEPLOYED: AuthContext = {
  backend: 'upstream',
  host: '0.0.0.0',
  consoleUrl: 'https://console.example.com',
};
const OIDC = {
  OIDC_ISSUER: 'https://login.example.com/realms/support',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'client-secret',
  CONSOLE_ADMINS: 'Ada@Example.com',
};

const refusal = (env: Record<string, string>, context: AuthContext) => {
  try {
    loadAuthConfig(env, context);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadAuthConfig', () => {
  it('is off for the sandbox by default: npm start needs no sign-in', () => {
    expect(loadAuthConfig({}, SANDBOX)).toEqual({ mode: 'off' });
  });

  it('refuses upstream mode without sign-in unless CONSOLE_AUTH=off on loopback', () => {
    expect(refusal({}, UPSTREAM)).toMatch(
      /needs sign-in: set OIDC_ISSUER.*or set CONSOLE_AUTH=off/,
    );
    expect(loadAuthConfig({ CONSOLE_AUTH: 'off' }, UPSTREAM)).toEqual({ mode: 'off' });
    expect(loadAuthConfig({ CONSOLE_AUTH: 'off' }, { ...UPSTREAM, host: 'localhost' })).toEqual({
      mode: 'off',
    });
    expect(refusal({ CONSOLE_AUTH: 'off' }, { ...UPSTREAM, host: '0.0.0.0' })).toMatch(
      /listens only on a loopback address, but HOST is 0.0.0.0/,
    );
  });

  it('turns sign-in on when OIDC_ISSUER is set, with the default timeouts (8 h idle, 24 h in all)', () => {
    const config = loadAuthConfig(OIDC, DEPLOYED);
    expect(config).toEqual({
      mode: 'oidc',
      oidc: {
        issuer: 'https://login.example.com/realms/support',
        clientId: 'console',
        clientSecret: 'client-secret',
        scopes: 'openid email profile',
      },
      roles: {
        claim: undefined,
        groups: { admin: [], agent: [], viewer: [] },
        emails: { admin: ['ada@example.com'], agent: [], viewer: [] },
      },
      sessions: { idleTimeoutMs: 8 * 3_600_000, absoluteTimeoutMs: 24 * 3_600_000 },
    });
  });

  it('reads the role claim, its groups, e-mail lists with domains, scopes and timeouts', () => {
    const config = loadAuthConfig(
      {
        ...OIDC,
        CONSOLE_ADMINS: '',
        CONSOLE_VIEWERS: '@example.com, bob@partner.test',
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ADMIN_GROUPS: 'console-admins',
        OIDC_AGENT_GROUPS: 'support, support-leads',
        OIDC_SCOPES: 'openid email groups',
        SESSION_IDLE_MINUTES: '30',
        SESSION_MAX_HOURS: '12',
      },
      DEPLOYED,
    );
    expect(config).toMatchObject({
      oidc: { scopes: 'openid email groups' },
      roles: {
        claim: 'groups',
        groups: { admin: ['console-admins'], agent: ['support', 'support-leads'], viewer: [] },
        emails: { admin: [], agent: [], viewer: ['@example.com', 'bob@partner.test'] },
      },
      sessions: { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 },
    });
  });

  it.each([
    [{ CONSOLE_AUTH: 'saml' }, /CONSOLE_AUTH must be off, oidc or demo/],
    [{ CONSOLE_AUTH: 'oidc' }, /needs OIDC_ISSUER/],
    [{ ...OIDC, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID is required/],
    [{ ...OIDC, CONSOLE_ADMINS: '' }, /gives nobody a role/],
    [{ ...OIDC, CONSOLE_AGENTS: 'not-an-address' }, /CONSOLE_AGENTS holds "not-an-address"/],
    [{ ...OIDC, OIDC_ROLE_CLAIM: 'groups' }, /OIDC_ROLE_CLAIM=groups gives no role until/],
    [{ ...OIDC, OIDC_ADMIN_GROUPS: 'admins' }, /need OIDC_ROLE_CLAIM/],
    [{ ...OIDC, OIDC_ISSUER: 'http://login.example.com' }, /OIDC_ISSUER must be an https address/],
    [{ ...OIDC, OIDC_ISSUER: 'https://login.example.com/?x=1' }, /must not carry a query/],
    [{ ...OIDC, SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES must be a whole number from 1/],
    [
      { ...OIDC, SESSION_MAX_HOURS: '9000' },
      /SESSION_MAX_HOURS must be a whole number from 1 to 8760/,
    ],
  ])('refuses %j', (env, message) => {
    expect(refusal(env as Record<string, string>, DEPLOYED)).toMatch(message);
  });

  it('needs CONSOLE_URL for sign-in beyond this machine', () => {
    expect(refusal(OIDC, { ...DEPLOYED, consoleUrl: undefined })).toMatch(
      /Sign-in needs CONSOLE_URL/,
    );
    expect(loadAuthConfig(OIDC, { ...UPSTREAM, consoleUrl: undefined }).mode).toBe('oidc');
  });

  it('accepts a plain-http provider only on this machine, with the console on loopback', () => {
    const local = { ...OIDC, OIDC_ISSUER: 'http://localhost:8080/realms/dev' };
    expect(loadAuthConfig(local, UPSTREAM)).toMatchObject({
      oidc: { issuer: 'http://localhost:8080/realms/dev' },
    });
    expect(refusal(local, DEPLOYED)).toMatch(/https/);
  });

  it('demo mode: the demo groups, on loopback only, never beside OIDC_ISSUER', () => {
    expect(loadAuthConfig({ CONSOLE_AUTH: 'demo', DEMO_OIDC_PORT: '4390' }, SANDBOX)).toEqual({
      mode: 'demo',
      providerPort: 4390,
      roles: {
        claim: 'groups',
        groups: {
          admin: ['console-admins'],
          agent: ['console-agents'],
          viewer: ['console-viewers'],
        },
        emails: { admin: [], agent: [], viewer: [] },
      },
      sessions: { idleTimeoutMs: 8 * 3_600_000, absoluteTimeoutMs: 24 * 3_600_000 },
    });
    expect(refusal({ CONSOLE_AUTH: 'demo' }, { ...SANDBOX, host: '0.0.0.0' })).toMatch(
      /demo users whose password is public.*HOST=127.0.0.1/,
    );
    expect(refusal({ ...OIDC, CONSOLE_AUTH: 'demo' }, SANDBOX)).toMatch(/unset OIDC_ISSUER/);
  });
});
