// Sign-in settings (CONSOLE_AUTH, OIDC_*, CONSOLE_ADMINS…, SESSION_*), read and checked at start:
// a setting that would leave the console open to anyone, or give nobody a role, stops the server
// with a sentence saying what to set.
import { CONSOLE_ROLES, type ConsoleRole } from '../api/roles.ts';
import {
  ConfigError,
  ConfigProblems,
  integerSetting,
  nonEmpty,
  type Environment,
} from '../settings.ts';
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
  | {
      mode: 'demo';
      providerPort: number;
      /** A demo provider another process runs, shared by replicas; undefined: start one here. */
      sharedProvider: SharedDemoProvider | undefined;
      roles: RoleMapping;
      sessions: SessionTimeouts;
    };

/** DEMO_OIDC_ISSUER and DEMO_OIDC_CLIENT_SECRET: the demo provider `npm run demo-provider` runs. */
export interface SharedDemoProvider {
  issuer: string;
  clientSecret: string;
}

/** A client secret shorter than this would be guessable. */
export const MIN_DEMO_CLIENT_SECRET_LENGTH = 16;

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

  // From here on every bad variable is collected, so that all of them are named at once.
  const problems = new ConfigProblems();
  const minutes = (name: string, fallback: number, max: number) =>
    problems.read(() => integerSetting(env, name, fallback, 1, max), fallback);
  const sessions: SessionTimeouts = {
    idleTimeoutMs:
      minutes('SESSION_IDLE_MINUTES', DEFAULT_SESSION_IDLE_MINUTES, 7 * 24 * 60) * 60_000,
    absoluteTimeoutMs:
      minutes('SESSION_MAX_HOURS', DEFAULT_SESSION_MAX_HOURS, 365 * 24) * 3_600_000,
  };
  const emails = emailLists(env, problems);

  if (mode === 'demo') {
    if (issuer !== undefined) {
      problems.add(
        'CONSOLE_AUTH=demo starts its own OpenID provider: unset OIDC_ISSUER, or use CONSOLE_AUTH=oidc.',
      );
    }
    if (!loopback) {
      problems.add(
        `CONSOLE_AUTH=demo signs in with demo users whose password is public, so it listens only ` +
          `on a loopback address, but HOST is ${context.host}. Set HOST=127.0.0.1.`,
      );
    }
    const providerPort = problems.read(
      () => integerSetting(env, 'DEMO_OIDC_PORT', 0, 0, 65_535),
      0,
    );
    const shared = problems.read(() => sharedDemoProvider(env), undefined);
    problems.throwIfAny();
    return {
      mode: 'demo',
      providerPort,
      sharedProvider: shared,
      roles: { claim: 'groups', groups: DEMO_ROLE_GROUPS, emails },
      sessions,
    };
  }

  if (issuer === undefined) {
    problems.add('CONSOLE_AUTH=oidc needs OIDC_ISSUER: the address of the OpenID provider.');
  }
  const clientId = nonEmpty(env.OIDC_CLIENT_ID);
  if (clientId === undefined) {
    problems.add(
      'OIDC_CLIENT_ID is required with OIDC_ISSUER: the client id the provider gave the console.',
    );
  }
  if (context.consoleUrl === undefined && !loopback) {
    problems.add(
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
    problems.add(
      `OIDC_ROLE_CLAIM=${roles.claim} gives no role until you name the claim's values for each ` +
        'role: OIDC_ADMIN_GROUPS, OIDC_AGENT_GROUPS, OIDC_VIEWER_GROUPS (comma-separated).',
    );
  }
  if (anyGroup && roles.claim === undefined) {
    problems.add(
      'OIDC_ADMIN_GROUPS, OIDC_AGENT_GROUPS and OIDC_VIEWER_GROUPS need OIDC_ROLE_CLAIM: the ' +
        'claim that holds them (e.g. groups).',
    );
  }
  if (
    !anyGroup &&
    roles.claim === undefined &&
    CONSOLE_ROLES.every((role) => emails[role].length === 0)
  ) {
    problems.add(
      'Sign-in gives nobody a role: set CONSOLE_ADMINS, CONSOLE_AGENTS or CONSOLE_VIEWERS ' +
        '(e-mail addresses, or @example.com for a whole domain), or OIDC_ROLE_CLAIM with ' +
        'OIDC_ADMIN_GROUPS… .',
    );
  }
  const checkedIssuer =
    issuer === undefined ? '' : problems.read(() => parseIssuer(issuer, loopback), issuer);
  problems.throwIfAny();
  return {
    mode: 'oidc',
    oidc: {
      issuer: checkedIssuer,
      clientId: clientId ?? '',
      clientSecret: nonEmpty(env.OIDC_CLIENT_SECRET),
      scopes: nonEmpty(env.OIDC_SCOPES) ?? DEFAULT_OIDC_SCOPES,
    },
    roles,
    sessions,
  };
}

/**
 * Several replicas in demo mode must sign in through one provider: the sign-in begun on one
 * replica may come back to another, which must redeem the code at the same provider with the same
 * client. DEMO_OIDC_ISSUER names a demo provider started on its own (`npm run demo-provider`),
 * DEMO_OIDC_CLIENT_SECRET the secret it was started with.
 */
function sharedDemoProvider(env: Environment): SharedDemoProvider | undefined {
  const issuer = nonEmpty(env.DEMO_OIDC_ISSUER);
  const clientSecret = nonEmpty(env.DEMO_OIDC_CLIENT_SECRET);
  if (issuer === undefined && clientSecret === undefined) return undefined;
  const problems = new ConfigProblems();
  if (issuer === undefined || clientSecret === undefined) {
    problems.add(
      'DEMO_OIDC_ISSUER and DEMO_OIDC_CLIENT_SECRET go together: the address of the demo ' +
        'provider `npm run demo-provider` started, and the secret it was started with.',
    );
  }
  let url: URL | undefined;
  try {
    url = issuer === undefined ? undefined : new URL(issuer);
  } catch {
    url = undefined;
  }
  if (issuer !== undefined && (url?.protocol !== 'http:' || !isLoopbackHost(url.hostname))) {
    problems.add(
      `DEMO_OIDC_ISSUER must be the demo provider's http address on this machine, such as ` +
        `http://localhost:4174 (got "${issuer}").`,
    );
  }
  if (clientSecret !== undefined && clientSecret.length < MIN_DEMO_CLIENT_SECRET_LENGTH) {
    problems.add(
      `DEMO_OIDC_CLIENT_SECRET must be at least ${MIN_DEMO_CLIENT_SECRET_LENGTH} characters.`,
    );
  }
  problems.throwIfAny();
  return { issuer: url?.href.replace(/\/$/, '') ?? '', clientSecret: clientSecret ?? '' };
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

function emailLists(env: Environment, problems: ConfigProblems): RoleMapping['emails'] {
  const read = (name: string) => problems.read(() => emailList(env, name), []);
  return {
    admin: read('CONSOLE_ADMINS'),
    agent: read('CONSOLE_AGENTS'),
    viewer: read('CONSOLE_VIEWERS'),
  };
}

function emailList(env: Environment, name: string): string[] {
  return list(env[name]).map((entry) => {
    const address = entry.toLowerCase();
    const at = address.indexOf('@');
    if (at === -1 || at === address.length - 1 || address.indexOf('@', at + 1) !== -1) {
      throw new ConfigError(
        `${name} holds "${entry}", which is neither an e-mail address nor @domain.`,
      );
    }
    return address;
  });
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
