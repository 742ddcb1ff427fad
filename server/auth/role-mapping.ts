// Which role a person signed in with gets: from a claim of the provider (their groups) and from the
// e-mail lists of the configuration; the highest role any of them gives wins. No match: no role,
// and no session (the callback says so).
import { CONSOLE_ROLES, higherRole, type ConsoleRole } from '../api/roles.ts';
import type { RoleMapping } from './auth-config.ts';

export type Claims = Readonly<Record<string, unknown>>;

export function roleFor(claims: Claims, mapping: RoleMapping): ConsoleRole | undefined {
  let role: ConsoleRole | undefined;
  const groups = mapping.claim === undefined ? [] : claimValues(claims, mapping.claim);
  const email = verifiedEmail(claims);
  for (const candidate of CONSOLE_ROLES) {
    const byGroup = groups.some((group) => mapping.groups[candidate].includes(group));
    const byEmail = email !== undefined && emailListed(email, mapping.emails[candidate]);
    if (byGroup || byEmail) role = higherRole(role, candidate);
  }
  return role;
}

/**
 * The e-mail an e-mail list may match: one the provider does not call unverified. (Providers for
 * a company's staff often send no `email_verified`; one that says `false` lets people type any
 * address, which must not give a role.)
 */
function verifiedEmail(claims: Claims): string | undefined {
  const email = claims.email;
  if (typeof email !== 'string' || email === '' || claims.email_verified === false)
    return undefined;
  return email.toLowerCase();
}

function emailListed(email: string, entries: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@'));
  return entries.includes(email) || entries.includes(domain);
}

/**
 * The claim's values as strings: a list, or one string. A dotted name reaches into an object
 * (`realm_access.roles`) when no claim has the dotted name itself.
 */
function claimValues(claims: Claims, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name
      .split('.')
      .reduce<unknown>(
        (object, key) =>
          typeof object === 'object' && object !== null
            ? (object as Record<string, unknown>)[key]
            : undefined,
        claims,
      );
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
