import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiHandler } from './api-key.ts';
import { mountAuditRoutes } from './audit/audit-routes.ts';
import { mountBulkRoutes } from './cleanup/bulk/bulk-routes.ts';
import { mountDataQualityRoutes } from './cleanup/data-quality-routes.ts';
import { mountExportRoutes } from './cleanup/export-routes.ts';
import { mountDuplicateGroupRoute } from './cleanup/duplicate-group-route.ts';
import { findingsOnWrite } from './cleanup/findings-on-write.ts';
import { createAuditRecorder } from './audit/audit-recorder.ts';
import type { TeamAccess } from './auth/console-auth.ts';
import { mountFrameSignInRoutes } from './auth/frame-sign-in-routes.ts';
import { mountSignInRoutes } from './auth/sign-in-routes.ts';
import type { OperationName } from './api/operations.ts';
import { describeError } from './ops/logger.ts';
import { mountPinRoutes } from './pins/pin-routes.ts';
import { mountOperationsRoutes, observeRequests, type Operations } from './ops/ops-routes.ts';
import { apiOperation } from './pipeline/api-operation.ts';
import { auditWrites } from './pipeline/audit-writes.ts';
import type { ConsoleAccess } from './pipeline/console-access.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { hostAllowlist } from './pipeline/host-allowlist.ts';
import { jsonBodyRules } from './pipeline/json-body.ts';
import { requestId } from './pipeline/request-id.ts';
import { roleCheck } from './pipeline/role-check.ts';
import { sameOriginRule } from './pipeline/same-origin.ts';
import { sessionStep } from './pipeline/session.ts';
import { securityHeaders } from './security-headers.ts';
import { mountSpa } from './static.ts';

export type BackendMode = 'sandbox' | 'upstream';

/** What the browser learns about the server: never a key. */
export interface ConsoleClientConfig {
  mode: BackendMode;
  defaultChatbotId: string;
}

export interface ConsoleAppOptions extends ConsoleClientConfig {
  /** Answers `/v1/*`: the sandbox (with the default key added) or the upstream proxy. */
  api: ApiHandler;
  /** The built SPA (vite's `dist/`). */
  distDir: string;
  maxRequestBodyBytes: number;
  /** The hosts the console answers to and the origins of its own pages (console-access.ts). */
  access: ConsoleAccess;
  /**
   * Sign-in, sessions and the audit trail over the console's store (server/main.ts always gives
   * it). Omitted only by tests of the API alone: local mode, and no audit trail.
   */
  team?: TeamAccess;
  /**
   * The operations the console's own API key allows, when the console knows them (the sandbox's
   * keys, api/key-operations.ts); null upstream, where only a 403 tells. `GET /console/session`
   * passes it on so the page disables what the key may not do without trying it.
   */
  keyOperations?: readonly OperationName[] | null;
  /**
   * /healthz, /readyz, /metrics, the request log and metrics (server/main.ts always gives them).
   * Omitted by tests of other steps: then errors go to console.error.
   */
  operations?: Operations;
  /**
   * How long a page waits for its first data from the API before it is sent without it
   * (START_DATA_TIMEOUT_MS; 0: pages are sent without data). Default: static.ts's.
   */
  startDataTimeoutMs?: number;
  /** Tells this replica's job runner that a job waits (a scan was started); it also polls. */
  wakeJobRunner?: () => void;
  /** EMBED_ALLOWED_ORIGINS: who may frame the lookup page (server/embed/). Default: nobody. */
  embedAllowedOrigins?: readonly string[];
}

/**
 * The console server as a fetch handler: `/console/*` (config, session, sign-in, audit), `/v1/*` to
 * the API backend and the SPA. Every request passes one pipeline, each step a middleware of
 * `pipeline/` with its own tests: a request id → (the request log and metrics; /healthz, /readyz
 * and /metrics, for any Host: ops/ops-routes.ts) → Host allowlist → same-origin rule for writes (API
 * clients with their own key skip it) → for `/v1/*`: the operation (404/405/400) → the session
 * (401 without one when sign-in is on) → the role check (403 naming the role needed) → body rules
 * (JSON only, size, UTF-8) → the audit step for writes → the backend. The session and role steps
 * come before the body is read: nobody unknown, or not allowed, makes the server read a body.
 * Page loads without a session go to sign-in and come back; a page that may show organizations
 * asks this same app for its first data with the page's cookies (static.ts), so that data passes
 * the same session and role steps (and the request log and metrics) as the browser's own request.
 * Every response gets the security
 * headers and its `X-Request-Id`, and loses any CORS header. Kept apart from main.ts so tests run
 * it in-process.
 */
export function createConsoleApp(options: ConsoleAppOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const clientConfig: ConsoleClientConfig = {
    mode: options.mode,
    defaultChatbotId: options.defaultChatbotId,
  };
  const { team } = options;
  const recorder = team && createAuditRecorder(team.store.audit, team.log);
  const apiSession = sessionStep(team, 'json');

  const { operations } = options;
  app.use('*', requestId);
  if (operations !== undefined) app.use('*', observeRequests(operations));
  app.use('*', securityHeaders);
  // Before the Host allowlist: a load balancer probes by the replica's own address (ops-routes.ts).
  if (operations !== undefined) mountOperationsRoutes(app, operations, options.access);
  app.use('*', hostAllowlist(options.access), sameOriginRule(options.access));
  app.onError((error, c) => {
    if (operations === undefined) {
      console.error(`console: unexpected error (request ${c.get('requestId')})`, error);
    } else {
      operations.logger.error('unexpected error', {
        requestId: c.get('requestId'),
        error: describeError(error),
      });
    }
    return c.json({ error: 'Internal console server error.' }, 500);
  });

  app.get('/console/config', apiSession, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(clientConfig);
  });
  mountSignInRoutes(app, team, options.access, options.keyOperations ?? null);
  // Embedded (EMBED_ALLOWED_ORIGINS) with sign-in on: the lookup's frame signs in by a pop-up.
  if (team !== undefined && team.auth.mode !== 'local' && team.auth.cookies.embedded) {
    mountFrameSignInRoutes(app, team, team.auth, apiSession);
  }
  if (team !== undefined) {
    mountAuditRoutes(app, team, apiSession);
    mountDataQualityRoutes(
      app,
      {
        api: options.api,
        store: team.store,
        recorder,
        now: team.now,
        ...(options.wakeJobRunner === undefined ? {} : { wakeRunner: options.wakeJobRunner }),
      },
      apiSession,
    );
    mountBulkRoutes(
      app,
      {
        api: options.api,
        store: team.store,
        recorder,
        now: team.now,
        log: team.log,
        ...(options.wakeJobRunner === undefined ? {} : { wakeRunner: options.wakeJobRunner }),
      },
      apiSession,
    );
    mountExportRoutes(
      app,
      { api: options.api, findings: team.store.findings, log: team.log },
      apiSession,
    );
    mountDuplicateGroupRoute(app, team.store.findings, apiSession);
  }
  mountPinRoutes(app, team, apiSession);
  const noop: MiddlewareHandler<ConsoleEnv> = async (_c, next) => next();

  app.all(
    '/v1/*',
    apiOperation,
    apiSession,
    roleCheck(recorder),
    jsonBodyRules(options.maxRequestBodyBytes),
    team === undefined ? noop : findingsOnWrite(team.store.findings, team.log),
    auditWrites(options.api, recorder),
    async (c) => {
      const resolved = c.get('apiOperation');
      if (resolved === undefined) throw new Error('the API handler runs after apiOperation');
      return options.api(c.req.raw, resolved);
    },
  );
  mountSpa(
    app,
    options.distDir,
    sessionStep(team, 'redirect'),
    options.startDataTimeoutMs,
    options.embedAllowedOrigins,
  );
  return app;
}
