import { createMiddleware } from 'hono/factory';
import type { ConsoleAccess } from './console-access.ts';
import type { ConsoleEnv } from './console-env.ts';

/**
 * Refuses (421) a request addressed to any host but the console's own, on every route and before
 * any work: a page on a domain that resolves to this machine (DNS rebinding) reaches the server,
 * but says its own name in `Host`. Both the URL's host (which @hono/node-server takes from `Host`,
 * or from an absolute request target) and the `Host` header must be the console's.
 */
export function hostAllowlist(access: ConsoleAccess) {
  const refusal = {
    error: `Misdirected request: this console answers only at ${[...access.origins].join(', ')}.`,
  };
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const header = c.req.header('host');
    if (
      !access.hosts.has(urlHost(c.req.url)) ||
      (header !== undefined && !access.hosts.has(header.toLowerCase()))
    ) {
      return c.json(refusal, 421);
    }
    await next();
  });
}

/** The host of an absolute URL string, lower case as URL parsing leaves it. */
function urlHost(url: string): string {
  const start = url.indexOf('//') + 2;
  const end = url.indexOf('/', start);
  return url.slice(start, end === -1 ? url.length : end);
}
