// Starts the console server when imported (npm start, e2e/serve.ts, the durability tests).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { sandboxKeyOperations } from './api/key-operations.ts';
import { sandboxApiHandler, type ApiHandler } from './api-key.ts';
import { startAuth, type StartedAuth } from './auth/start-auth.ts';
import { ConfigError, describeBaseUrl, loadConfig, type ConsoleConfig } from './config.ts';
import { createConsoleApp } from './console-app.ts';
import { consoleAccess } from './pipeline/console-access.ts';
import type { ConsoleEnv } from './pipeline/console-env.ts';
import { isLoopback, listeningOn } from './listen-address.ts';
import { startMaintenance } from './maintenance.ts';
import { createSandbox } from './sandbox/index.ts';
import { describeDatabaseUrl, openConsoleStore, type ConsoleStore } from './store/index.ts';
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

const log = (line: string) => console.log(line);

// The console's own store (sessions, sign-in states, the audit trail), opened and migrated first.
let store: ConsoleStore;
try {
  store = await openConsoleStore({
    dataDir: config.store.dataDir,
    databaseUrl: config.store.databaseUrl,
    poolSize: config.store.poolSize,
  });
} catch (error) {
  const where = config.store.databaseUrl
    ? describeDatabaseUrl(config.store.databaseUrl)
    : `${config.store.dataDir}/console.sqlite`;
  console.error(
    `Organizations Console could not open its store (${where}): ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
const maintenance = startMaintenance(store, config.auditRetentionDays, log);
await maintenance.started;

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

// The app is made once the port is known (PORT=0 picks one): local mode's allowed hosts and the
// sign-in redirect address name it, and the demo provider starts on its own port. Until the app is
// ready (a few ms; the demo provider's start), a request gets 503.
let app: Hono<ConsoleEnv> | undefined;
let auth: StartedAuth | undefined;
const server = serve(
  {
    fetch: (request, env) => {
      if (app === undefined) {
        return Response.json(
          { error: 'The console is starting; try again in a moment.' },
          { status: 503 },
        );
      }
      return app.fetch(request, env);
    },
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    void whenListening(info.port).catch((error: unknown) => {
      console.error(
        `Organizations Console could not start sign-in: ${error instanceof Error ? error.message : error}`,
      );
      void closeEverything().then(() => process.exit(1));
    });
  },
) as Server;

async function whenListening(port: number): Promise<void> {
  const access = consoleAccess(config.consoleUrl, port);
  auth = await startAuth(config.auth, access, config.host, config.consoleUrl, log);
  app = createConsoleApp({
    mode: backend.mode,
    defaultChatbotId: config.defaultChatbotId,
    api,
    distDir: config.distDir,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    access,
    team: { auth: auth.auth, store, now: Date.now, log },
    keyOperations: backend.mode === 'sandbox' ? sandboxKeyOperations(backend.apiKey) : null,
  });
  const source =
    backend.mode === 'sandbox'
      ? `sandbox, data dir ${backend.dataDir}`
      : `upstream ${describeBaseUrl(backend.baseUrl)}, ${backend.apiKey ? 'server key set' : 'no server key'}`;
  const address = server.address() as AddressInfo;
  console.log(`Sign-in: ${auth.description}`);
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
  if (auth.auth.mode === 'oidc' && !auth.auth.cookies.https && !isLoopback(address.address)) {
    console.warn(
      'Organizations Console: sign-in over plain http: session cookies can be read on the ' +
        'network. Serve the console over https (CONSOLE_URL=https://…) behind a TLS proxy.',
    );
  }
}

/** Stops sign-in's provider, the store's housekeeping and the store, and the backend. */
async function closeEverything(): Promise<void> {
  maintenance.stop();
  await auth?.close();
  await store.close();
  closeBackend();
}

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE' ? `port ${config.port} is in use (set PORT)` : error.message;
  console.error(`Organizations Console could not start: ${reason}`);
  void closeEverything().then(() => process.exit(1));
});

let shuttingDown = false;
function shutDown(signal: NodeJS.Signals): void {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`Organizations Console: ${signal}, shutting down`);
  const forced = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
  forced.unref();
  server.close(() => {
    void closeEverything().then(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
