// Sign-in settings (CONSOLE_AUTH, OIDC_*, CONSOLE_ADMINS…, SESSION_*), read and checked at start:
// a setting that would leave the console open to anyone, or give nobody a role, stops the server
// with a sentence saying what to set.
import { CONSOLE_ROLES, type ConsoleRole } from '../api/roles.ts';
import { ConfigError, integerSetting, nonEmpty, type Environment } from '../settings.ts';
import { DEMO_ROLE_GROUPS } from './demo-provider/demo-users.ts';

export type AuthMode = 'off' | 'oidc' | 'demo';

export interface RoleMapping {
  /** The claim holding the person's groups (OIDC_ROLE_CLAIM); undefined: e-mail lists only. */
  claim: string | undefined;
  /** The claim's values that give each role (OIDC_ADMIN_GROUPS…). */
  groups: Readonly<Record<ConsoleRole, readonly string[]>>;
  /** Lower-case addresses, or `@domain` for every address there (CONSOLE_ADMINS…). */
  emails: Readonly<Record<ConsoleRole, readonly string[]>>;
}

export interface SessionTimeouts {
  /** A session ends when unused this long (SESSION_IDLE_MINUTES). */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in, however busy (SESSION_MAX_HOURS). */
  absoluteTimeoutMs: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Space-separated scopes asked for (OIDC_SCOPES). */
  scopes: string;
}

export type AuthConfig =
  | { mode: 'off' }
  | { mode: 'oidc'; oidc: OidcSettings; roles: RoleMapping; sessions: SessionTimeouts }
  | { mode: 'demo'; providerPort: number; roles: RoleMapping; sessions: SessionTimeouts };

export const DEFAULT_SESSION_IDLE_MINUTES = 8 * 60;
export const DEFAULT_SESSION_MAX_HOURS = 24;
export const DEFAULT_OIDC_SCOPES = 'openid email profile';

export interface AuthContext {
  backend: 'sandbox' | 'upstream';
  /** HOST: the interface the console listens on. */
  host: string;
  consoleUrl: string | undefined;
}

/** Reads the sign-in settings (the README's configuration table). */
export function loadAuthConfig(env: Environment, context: AuthContext): AuthConfig {
  const requested = nonEmpty(env.CONSOLE_AUTH)?.toLowerCase();
  if (requested !== undefined && !['off', 'oidc', 'demo'].includes(requested)) {
    throw new ConfigError(`CONSOLE_AUTH must be off, oidc or demo (got "${env.CONSOLE_AUTH}").`);
  }
  const issuer = nonEmpty(env.OIDC_ISSUER);
  const mode = (requested ?? (issuer === undefined ? 'off' : 'oidc')) as AuthMode;
  const loopback = isLoopbackHost(context.host);

  if (mode === 'off') {
    if (context.backend === 'upstream' && requested === undefined) {
      throw new ConfigError(
        'Over the real API the console needs sign-in: set OIDC_ISSUER, OIDC_CLIENT_ID ' +
          '(and OIDC_CLIENT_SECRET), CONSOLE_URL and who gets which role (CONSOLE_ADMINS… or ' +
          'OIDC_ROLE_CLAIM); or set CONSOLE_AUTH=off to use it without sign-in on this machine ' +
          'only (HOST a loopback address).',
      );
    }
    if (context.backend === 'upstream' && !loopback) {
      throw new ConfigError(
        `CONSOLE_AUTH=off over the real API listens only on a loopback address, but HOST is ` +
          `${context.host}: anyone who reached the console would act with the server's key. ` +
          'Set HOST=127.0.0.1, or turn sign-in on (OIDC_ISSUER…).',
      );
    }
    return { mode: 'off' };
  }

  const sessions: SessionTimeouts = {
    idleTimeoutMs:
      integerSetting(env, 'SESSION_IDLE_MINUTES', DEFAULT_SESSION_IDLE_MINUTES, 1, 7 * 24 * 60) *
      60_000,
    absoluteTimeoutMs:
      integerSetting(env, 'SESSION_MAX_HOURS', DEFAULT_SESSION_MAX_HOURS, 1, 365 * 24) * 3_600_000,
  };
  const emails = emailLists(env);

  if (mode === 'demo') {
    if (issuer !== undefined) {
      throw new ConfigError(
        'CONSOLE_AUTH=demo starts its own OpenID provider: unset OIDC_ISSUER, or use CONSOLE_AUTH=oidc.',
      );
    }
    if (!loopback) {
      throw new ConfigError(
        `CONSOLE_AUTH=demo signs in with demo users whose password is public, so it listens only ` +
          `on a loopback address, but HOST is ${context.host}. Set HOST=127.0.0.1.`,
      );
    }
    return {
      mode: 'demo',
      providerPort: integerSetting(env, 'DEMO_OIDC_PORT', 0, 0, 65_535),
      roles: { claim: 'groups', groups: DEMO_ROLE_GROUPS, emails },
      sessions,
    };
  }

  if (issuer === undefined) {
    throw new ConfigError(
      'CONSOLE_AUTH=oidc needs OIDC_ISSUER: the address of the OpenID provider.',
    );
  }
  const clientId = nonEmpty(env.OIDC_CLIENT_ID);
  if (clientId === undefined) {
    throw new ConfigError(
      'OIDC_CLIENT_ID is required with OIDC_ISSUER: the client id the provider gave the console.',
    );
  }
  if (context.consoleUrl === undefined && !loopback) {
    throw new ConfigError(
      'Sign-in needs CONSOLE_URL, the https address people open the console at: the provider ' +
        'sends them back to CONSOLE_URL/console/callback.',
    );
  }
  const roles: RoleMapping = {
    claim: nonEmpty(env.OIDC_ROLE_CLAIM),
    groups: groupLists(env),
    emails,
  };
  const anyGroup = CONSOLE_ROLES.some((role) => roles.groups[role].length > 0);
  if (roles.claim !== undefined && !anyGroup) {
    throw new ConfigError(
      `OIDC_ROLE_CLAIM=${roles.claim} gives no role until you name the claim's values for each ` +
        'role: OIDC_ADMIN_GROUPS, OIDC_AGENT_GROUPS, OIDC_VIEWER_GROUPS (comma-separated).',
    );
  }
  if (anyGroup && roles.claim === undefined) {
    throw new ConfigError(
      'OIDC_ADMIN_GROUPS, OIDC_AGENT_GROUPS and OIDC_VIEWER_GROUPS need OIDC_ROLE_CLAIM: the ' +
        'claim that holds them (e.g. groups).',
    );
  }
  if (!anyGroup && CONSOLE_ROLES.every((role) => emails[role].length === 0)) {
    throw new ConfigError(
      'Sign-in gives nobody a role: set CONSOLE_ADMINS, CONSOLE_AGENTS or CONSOLE_VIEWERS ' +
        '(e-mail addresses, or @example.com for a whole domain), or OIDC_ROLE_CLAIM with ' +
        'OIDC_ADMIN_GROUPS… .',
    );
  }
  return {
    mode: 'oidc',
    oidc: {
      issuer: parseIssuer(issuer, loopback),
      clientId,
      clientSecret: nonEmpty(env.OIDC_CLIENT_SECRET),
      scopes: nonEmpty(env.OIDC_SCOPES) ?? DEFAULT_OIDC_SCOPES,
    },
    roles,
    sessions,
  };
}

export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return (
    name === 'localhost' || name === '::1' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name)
  );
}

function parseIssuer(text: string, loopbackConsole: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      `OIDC_ISSUER must be a URL, such as https://login.example.com (got "${text}").`,
    );
  }
  const plainHttpAllowed =
    url.protocol === 'http:' && loopbackConsole && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !plainHttpAllowed) {
    throw new ConfigError(
      `OIDC_ISSUER must be an https address (got "${text}"); plain http is accepted only for a ` +
        'provider on this machine with the console on a loopback address.',
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError('OIDC_ISSUER must not carry a query, a fragment or credentials.');
  }
  return url.href;
}

function emailLists(env: Environment): RoleMapping['emails'] {
  const read = (name: string) =>
    list(env[name]).map((entry) => {
      const address = entry.toLowerCase();
      const at = address.indexOf('@');
      if (at === -1 || at === address.length - 1 || address.indexOf('@', at + 1) !== -1) {
        throw new ConfigError(
          `${name} holds "${entry}", which is neither an e-mail address nor @domain.`,
        );
      }
      return address;
    });
  return {
    admin: read('CONSOLE_ADMINS'),
    agent: read('CONSOLE_AGENTS'),
    viewer: read('CONSOLE_VIEWERS'),
  };
}

function groupLists(env: Environment): RoleMapping['groups'] {
  return {
    admin: list(env.OIDC_ADMIN_GROUPS),
    agent: list(env.OIDC_AGENT_GROUPS),
    viewer: list(env.OIDC_VIEWER_GROUPS),
  };
}

/** Comma-separated values, trimmed, empty ones dropped. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
