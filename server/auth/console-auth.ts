// What the console app needs to know about sign-in at run time (server/main.ts builds it from
// auth-config.ts): local mode, or an OpenID provider (a company's, or the demo one) with the role
// mapping, the session timeouts and the cookie policy.
import type { ConsoleStore } from '../store/index.ts';
import type { RoleMapping, SessionTimeouts } from './auth-config.ts';
import type { RelyingParty } from './oidc-client.ts';
import type { CookiePolicy } from './session-cookie.ts';

/** `local`: no sign-in (loopback only); `oidc`: a company's provider; `demo`: the built-in one. */
export type SessionMode = 'local' | 'oidc' | 'demo';

export type ConsoleAuth =
  | { mode: 'local' }
  | {
      mode: 'oidc' | 'demo';
      relyingParty: RelyingParty;
      roles: RoleMapping;
      sessions: SessionTimeouts;
      cookies: CookiePolicy;
    };

export type SignInAuth = Exclude<ConsoleAuth, { mode: 'local' }>;

/** Sign-in, sessions and the audit trail: what turns the console into a team's tool. */
export interface TeamAccess {
  auth: ConsoleAuth;
  store: ConsoleStore;
  /** The clock (epoch ms) the store uses too; tests pass their own. */
  now: () => number;
  /** Where sign-in events and audit failures are logged; never with a key, cookie or token. */
  log: (line: string) => void;
}
