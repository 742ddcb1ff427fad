import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hasBody, type ApiHandler } from './api-key.ts';
import { securityHeaders, type SecurityHeadersEnv } from './security-headers.ts';
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
}

/**
 * The console server as a fetch handler: `/console/config`, `/v1/*` to the API backend and the
 * SPA, every response with the security headers. Kept apart from main.ts so tests run it
 * in-process.
 */
export function createConsoleApp(options: ConsoleAppOptions): Hono<SecurityHeadersEnv> {
  const app = new Hono<SecurityHeadersEnv>();
  const clientConfig: ConsoleClientConfig = {
    mode: options.mode,
    defaultChatbotId: options.defaultChatbotId,
  };

  app.use('*', securityHeaders);
  app.onError((error, c) => {
    console.error('console: unexpected error', error);
    return c.json({ error: 'Internal console server error.' }, 500);
  });

  app.get('/console/config', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(clientConfig);
  });

  const limitBody = bodyLimit({
    maxSize: options.maxRequestBodyBytes,
    onError: (c) =>
      c.json({ error: `Request body larger than ${options.maxRequestBodyBytes} bytes.` }, 413),
  });
  app.all(
    '/v1/*',
    // Only for a method with a body: bodyLimit reads `request.body`, which makes
    // @hono/node-server build a second, full Request (stream, signal) even for a GET, whose body
    // it leaves empty anyway.
    (c, next) => (hasBody(c.req.method) ? limitBody(c, next) : next()),
    async (c) => options.api(c.req.raw),
  );

  mountSpa(app, options.distDir);
  return app;
}
