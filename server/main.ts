// Starts the console server when imported (npm start, e2e/serve.ts, the durability tests).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { sandboxApiHandler, type ApiHandler } from './api-key.ts';
import { ConfigError, describeBaseUrl, loadConfig, type ConsoleConfig } from './config.ts';
import { createConsoleApp } from './console-app.ts';
import { consoleAccess } from './pipeline/console-access.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { isLoopback, listeningOn } from './listen-address.ts';
import { createSandbox } from './sandbox/index.ts';
import { createUpstreamProxy } from './upstream/proxy.ts';

// Closing waits for requests in flight; after this long the process exits anyway.
const SHUTDOWN_GRACE_MS = 5_000;

let config: ConsoleConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Organizations Console: ${error.message}`);
  process.exit(1);
}

const backend = config.backend;
let api: ApiHandler;
let closeBackend = () => {};
if (backend.mode === 'sandbox') {
  const sandbox = createSandbox({
    dataDir: backend.dataDir,
    seedOrganizations: backend.seedOrganizations,
  });
  let open = true;
  closeBackend = () => {
    if (open) sandbox.close();
    open = false;
  };
  // An exit by any path (another module's signal handler, process.exit) still closes the database.
  process.on('exit', closeBackend);
  api = sandboxApiHandler(sandbox.fetch, backend.apiKey);
} else {
  api = createUpstreamProxy({
    baseUrl: backend.baseUrl,
    apiKey: backend.apiKey,
    timeoutMs: backend.timeoutMs,
    maxResponseBytes: backend.maxResponseBytes,
    maxDecompressedBytes: backend.maxDecompressedBytes,
  });
}

// The app is made once the port is known (PORT=0 picks one): local mode's allowed hosts name it.
// Node emits `listening` before it accepts any connection, so no request finds it missing.
let app: Hono<ConsoleEnv> | undefined;
const server = serve(
  {
    fetch: (request, env) => {
      if (app === undefined) throw new Error('a request arrived before the server listened');
      return app.fetch(request, env);
    },
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    const access = consoleAccess(config.consoleUrl, info.port);
    app = createConsoleApp({
      mode: backend.mode,
      defaultChatbotId: config.defaultChatbotId,
      api,
      distDir: config.distDir,
      maxRequestBodyBytes: config.maxRequestBodyBytes,
      startDataTimeoutMs: config.startDataTimeoutMs,
      access,
    });
    const source =
      backend.mode === 'sandbox'
        ? `sandbox, data dir ${backend.dataDir}`
        : `upstream ${describeBaseUrl(backend.baseUrl)}, ${backend.apiKey ? 'server key set' : 'no server key'}`;
    const address = server.address() as AddressInfo;
    console.log(
      `Organizations Console on ${access.url} (listening on ${listeningOn(address)}; ${source})`,
    );
    if (config.consoleUrl === undefined && !isLoopback(address.address)) {
      console.warn(
        `Organizations Console: HOST=${config.host} is reachable from other machines, but without ` +
          'CONSOLE_URL the console answers only requests addressed to localhost, 127.0.0.1 or ' +
          '[::1]. Set CONSOLE_URL to the address people open it at.',
      );
    }
  },
) as Server;

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE' ? `port ${config.port} is in use (set PORT)` : error.message;
  console.error(`Organizations Console could not start: ${reason}`);
  closeBackend();
  process.exit(1);
});

let shuttingDown = false;
function shutDown(signal: NodeJS.Signals): void {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`Organizations Console: ${signal}, shutting down`);
  const forced = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
  forced.unref();
  server.close(() => {
    closeBackend();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
