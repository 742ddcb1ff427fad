import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { ConsoleEnv } from './console-env.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const UPSTREAM_REQUEST_ID_HEADER = 'X-Upstream-Request-Id';

/**
 * Gives every request a fresh id, answered as `X-Request-Id` (by securityHeaders, which sets the
 * headers of every response), written into its audit entry and log lines, and sent on to the
 * upstream API in place of any the caller sent, so one id follows the exchange. Always generated
 * here: an id a caller sends is not trusted into the audit trail (Hono's requestId middleware
 * would keep it).
 */
export const requestId = createMiddleware<ConsoleEnv>(async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.req.raw.headers.set(REQUEST_ID_HEADER, id);
  await next();
});
