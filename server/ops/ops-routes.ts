// What a load balancer, a log collector and Prometheus ask of the console: GET /healthz (the
// process lives), GET /readyz (its store and API backend answer; 503 while it shuts down), GET
// /metrics, and one log line and one metric sample per request.
//
// /healthz and /readyz answer for any Host: a load balancer probes a replica by its own address,
// which is not one the console serves people at. They say nothing but ready or not (and, when not,
// which of `store`, `api` or `shutting down`), so answering them to anyone reveals nothing.
// /metrics answers for any Host only with METRICS_TOKEN (`Authorization: Bearer …`); without a
// token, only to a scraper on this machine: a loopback peer, addressing the console by one of its
// own names (no DNS rebinding), with no forwarding header (not a request a proxy on this machine
// passed on from outside).
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { isLoopback } from '../listen-address.ts';
import type { ConsoleAccess } from '../pipeline/console-access.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { Logger } from './logger.ts';
import { routeLabel, type ConsoleMetrics } from './metrics.ts';

/** A dependency's check: resolves when it answers, rejects (or times out) when it does not. */
export type ReadinessCheck = () => Promise<void>;

export interface Operations {
  logger: Logger;
  metrics: ConsoleMetrics;
  readiness: { store: ReadinessCheck; api: ReadinessCheck };
  /** True once shutdown began: /readyz answers 503, so the load balancer sends no more. */
  draining(): boolean;
  /** METRICS_TOKEN; undefined: /metrics for this machine only. */
  metricsToken: string | undefined;
}

/** A check slower than this counts as failed: a load balancer's probe times out at a few seconds. */
export const READINESS_TIMEOUT_MS = 2_000;

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** Times and counts every request, and logs it (probes and scrapes are counted, not logged). */
export function observeRequests(operations: Operations) {
  const { metrics, logger } = operations;
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routeLabel(c.req.path, c.get('apiOperation')?.operation.name);
      const method = c.req.method;
      const status = c.res.status;
      metrics.requests.inc({ method, route, status: String(status) });
      metrics.requestSeconds.observe({ method, route }, seconds);
      if (!PROBES.has(c.req.path)) {
        logger.info('request', {
          requestId: c.get('requestId'),
          method,
          route,
          status,
          durationMs: Math.round(seconds * 10_000) / 10,
        });
      }
    }
  });
}

/** Mounted before the Host allowlist (see the top of this file). */
export function mountOperationsRoutes(
  app: Hono<ConsoleEnv>,
  operations: Operations,
  access: ConsoleAccess,
): void {
  app.on(['GET', 'HEAD'], '/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });

  app.on(['GET', 'HEAD'], '/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const failing: string[] = [];
    if (operations.draining()) failing.push('shutting down');
    else {
      const results = await Promise.allSettled([
        withTimeout(operations.readiness.store()),
        withTimeout(operations.readiness.api()),
      ]);
      if (results[0].status === 'rejected') failing.push('store');
      if (results[1].status === 'rejected') failing.push('api');
      for (const [index, result] of results.entries()) {
        if (result.status === 'rejected') {
          operations.logger.warn(`not ready: ${index === 0 ? 'store' : 'api'} does not answer`, {
            requestId: c.get('requestId'),
            error: result.reason instanceof Error ? result.reason.message : String(result.reason),
          });
        }
      }
    }
    if (failing.length > 0) return c.json({ status: 'unavailable', failing }, 503);
    return c.json({ status: 'ready' });
  });

  app.get('/metrics', async (c) => {
    c.header('Cache-Control', 'no-store');
    const refusal = metricsRefusal(c, operations.metricsToken, access);
    if (refusal !== undefined) {
      if (refusal === 401) c.header('WWW-Authenticate', 'Bearer');
      return c.json(
        {
          error:
            refusal === 401
              ? 'Metrics need the METRICS_TOKEN: send Authorization: Bearer <token>.'
              : 'Metrics are readable from this machine only (set METRICS_TOKEN to scrape them from elsewhere).',
        },
        refusal,
      );
    }
    const body = await operations.metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': operations.metrics.registry.contentType });
  });
}

function metricsRefusal(
  c: Context<ConsoleEnv>,
  token: string | undefined,
  access: ConsoleAccess,
): 401 | 403 | undefined {
  if (token !== undefined) {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    return sameSecret(given, token) ? undefined : 401;
  }
  const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some(
    (name) => c.req.header(name) !== undefined,
  );
  const host = c.req.header('host')?.toLowerCase();
  const fromHere = host !== undefined && access.hosts.has(host) && !forwarded;
  return fromHere && isLoopback(remoteAddress(c) ?? '') ? undefined : 403;
}

/** The peer's address; undefined outside a Node server (a test's `app.request`). */
function remoteAddress(c: Context<ConsoleEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function withTimeout(check: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)),
      READINESS_TIMEOUT_MS,
    );
    check.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
