// EMBED_ALLOWED_ORIGINS: the sites whose pages may frame the lookup page (a Chatwoot Dashboard App,
// a sidebar app) and send it the conversation's contact. Read at start like every other setting;
// a bad value stops the server with a sentence naming it.
import { ConfigError, nonEmpty, type Environment } from '../settings.ts';

/** The lookup page's path: the only route another site may frame (static.ts). */
export { LOOKUP_PATH_PATTERN } from '../../src/routes.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the browser treats the origin as secure though it is http (its own machine). */
export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(origin).hostname);
}

/**
 * The origins, each exactly `scheme://host[:port]`: https, or http for this machine only (a test
 * host page; browsers treat loopback as secure, so the SameSite=None cookie still works there).
 * No wildcard, no path: a frame-ancestors source is compared by origin, and `*` would let any
 * site frame the console and pose as Chatwoot.
 */
export function parseEmbedAllowedOrigins(env: Environment): string[] {
  const text = nonEmpty(env.EMBED_ALLOWED_ORIGINS);
  if (text === undefined) return [];
  const problems: string[] = [];
  const origins: string[] = [];
  for (const raw of text.split(',')) {
    const value = raw.trim();
    if (value === '') continue;
    const problem = checkOrigin(value);
    if (problem !== undefined) {
      problems.push(`EMBED_ALLOWED_ORIGINS: "${value}" ${problem}`);
    } else if (!origins.includes(value.toLowerCase())) {
      origins.push(new URL(value).origin);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return origins;
}

function checkOrigin(value: string): string | undefined {
  if (value.length > 2_000) return 'is too long to be an origin.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an origin; write it as https://chat.example.com (comma-separated).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'must start with https://.';
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'must be https (plain http only for localhost, 127.0.0.1 or [::1]).';
  }
  if (url.hostname.includes('*')) return 'may not hold a wildcard: list each origin.';
  if (url.username !== '' || url.password !== '') return 'may not hold a user name or password.';
  // `new URL('https://a.test').href` ends in `/`: a bare origin may carry that one slash.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[/?#]$/.test(value)) {
    return 'must be an origin only (scheme, host and port), without a path, query or fragment.';
  }
  if (url.origin !== value.toLowerCase()) {
    return `must be written as its origin, ${url.origin}.`;
  }
  return undefined;
}
