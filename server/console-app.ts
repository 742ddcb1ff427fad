import { Hono } from 'hono';
import type { ApiHandler } from './api-key.ts';
import { apiOperation } from './pipeline/api-operation.ts';
import type { ConsoleAccess } from './pipeline/console-access.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { hostAllowlist } from './pipeline/host-allowlist.ts';
import { jsonBodyRules } from './pipeline/json-body.ts';
import { sameOriginRule } from './pipeline/same-origin.ts';
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
   * How long a page waits for its first data from the API before it is sent without it
   * (START_DATA_TIMEOUT_MS; 0: pages are sent without data). Default: static.ts's.
   */
  startDataTimeoutMs?: number;
}

/**
 * The console server as a fetch handler: `/console/config`, `/v1/*` to the API backend and the
 * SPA. Every request passes one pipeline, each step a middleware of `pipeline/` with its own
 * tests: Host allowlist → same-origin rule for writes (API clients with their own key skip it) →
 * for `/v1/*`: the operation (404/405/400) → body rules (JSON only, size, UTF-8) → the backend.
 * Every response gets the security headers and loses any CORS header. Kept apart from main.ts so
 * tests run it in-process.
 */
export function createConsoleApp(options: ConsoleAppOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const clientConfig: ConsoleClientConfig = {
    mode: options.mode,
    defaultChatbotId: options.defaultChatbotId,
  };

  app.use('*', securityHeaders, hostAllowlist(options.access), sameOriginRule(options.access));
  app.onError((error, c) => {
    console.error('console: unexpected error', error);
    return c.json({ error: 'Internal console server error.' }, 500);
  });

  app.get('/console/config', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(clientConfig);
  });

  app.all('/v1/*', apiOperation, jsonBodyRules(options.maxRequestBodyBytes), async (c) => {
    const resolved = c.get('apiOperation');
    if (resolved === undefined) throw new Error('the API handler runs after apiOperation');
    return options.api(c.req.raw, resolved);
  });

  mountSpa(app, options.distDir, options.startDataTimeoutMs);
  return app;
}
