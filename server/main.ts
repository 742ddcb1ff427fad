// Starts the console server when imported (npm start, e2e/serve.ts, the durability tests).
import type { Server } from 'node:http';
import { hostname } from 'node:os';
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
import { createLogger, describeError, logLevelSetting } from './ops/logger.ts';
import { createMetrics } from './ops/metrics.ts';
import type { Operations } from './ops/ops-routes.ts';
import { API_KEY_HEADER } from './api-key.ts';
import { createSandbox } from './sandbox/index.ts';
import { createJobRunner, type JobWork } from './store/jobs/job-runner.ts';
import { SCAN_JOB_KIND, scanJobWork } from './cleanup/scan/scan-job.ts';
import { bulkRateSetting } from './cleanup/bulk/bulk-config.ts';
import { bulkJobWork } from './cleanup/bulk/bulk-job.ts';
import { createAuditRecorder } from './audit/audit-recorder.ts';
import { describeDatabaseUrl, openConsoleStore, type ConsoleStore } from './store/index.ts';
import { createUpstreamProxy } from './upstream/proxy.ts';

// On SIGTERM the console stops accepting, finishes the requests in flight and gives its running
// jobs back; past this it exits anyway (orchestrators kill at 10 s).
const SHUTDOWN_GRACE_MS = 9_000;
/** A job's lease: how long after a replica dies another one takes its job over. */
const JOB_LEASE_MS = 30_000;
const JOB_POLL_MS = 2_000;

// Made before the configuration is read, so that its problems are logged as JSON too; a bad
// LOG_LEVEL is one of them (and the log stays at info meanwhile).
const logger = createLogger({ level: logLevelSetting(process.env.LOG_LEVEL) ?? 'info' });
const log = (line: string) => logger.info(line);

let config: ConsoleConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  logger.error(
    `Organizations Console cannot start: ${error.problems.length} setting(s) to fix (see the README's configuration table)`,
  );
  for (const problem of error.problems) logger.error(`configuration: ${problem}`);
  process.exit(1);
}

const bulkRate = bulkRateSetting(process.env);
if (typeof bulkRate === 'string') {
  logger.error('Organizations Console cannot start: 1 setting(s) to fix (see the README)');
  logger.error(`configuration: ${bulkRate}`);
  process.exit(1);
}

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
  logger.error(`Organizations Console could not open its store (${where})`, {
    error: describeError(error),
  });
  process.exit(1);
}
const maintenance = startMaintenance(store, config.auditRetentionDays, log);
await maintenance.started;

const metrics = createMetrics({ processMetrics: true });
const backend = config.backend;
let api: ApiHandler;
let apiReady: () => Promise<void>;
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
  // One organization of the default chatbot: the sandbox's database and its index answer.
  const probe = `http://sandbox/v1/chatbots/${encodeURIComponent(config.defaultChatbotId)}/organizations?limit=1`;
  apiReady = async () => {
    const answer = await sandbox.fetch(
      new Request(probe, { headers: { [API_KEY_HEADER]: backend.apiKey } }),
    );
    if (answer.status !== 200) throw new Error(`the sandbox answered HTTP ${answer.status}`);
  };
} else {
  api = createUpstreamProxy({
    baseUrl: backend.baseUrl,
    apiKey: backend.apiKey,
    timeoutMs: backend.timeoutMs,
    maxResponseBytes: backend.maxResponseBytes,
    maxDecompressedBytes: backend.maxDecompressedBytes,
    log: (line) => logger.warn(line),
    onError: (kind) => metrics.upstreamErrors.inc({ kind }),
  });
  // Reachable is enough: any answer below 500 (even 401 or 404 at the API's root) says the API is
  // up; no key is sent, so the probe never spends one.
  const root = `${backend.baseUrl}/`;
  apiReady = async () => {
    const answer = await fetch(root, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
    if (answer.status >= 500) throw new Error(`the API answered HTTP ${answer.status}`);
  };
}

/** The kinds of job this console runs, by kind (server/store/jobs/job-runner.ts). */
const JOB_WORK: Readonly<Record<string, JobWork>> = {
  [SCAN_JOB_KIND]: scanJobWork({ api, findings: store.findings, now: Date.now }),
  ...bulkJobWork({
    api,
    findings: store.findings,
    recorder: createAuditRecorder(store.audit, log),
    log,
    ratePerSecond: bulkRate,
  }),
};

let draining = false;
const runner = createJobRunner({
  store: store.jobs,
  owner: `${hostname()}:${process.pid}`,
  work: JOB_WORK,
  leaseMs: JOB_LEASE_MS,
  pollMs: JOB_POLL_MS,
  log,
  onEvent: (event) => {
    metrics.jobEvents.inc({
      kind: event.job.kind,
      event: event.kind === 'finished' ? event.state : event.kind,
    });
    metrics.jobsRunning.set(runner.running);
  },
});
runner.start();
const operations: Operations = {
  logger,
  metrics,
  readiness: { store: () => store.ping(), api: apiReady },
  draining: () => draining,
  metricsToken: config.metricsToken,
};

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
      logger.error('Organizations Console could not start sign-in', {
        error: describeError(error),
      });
      void closeEverything().then(() => process.exit(1));
    });
  },
) as Server;
// Idle keep-alive connections stay open 65 s, not Node's 5 s: a client (a load balancer, a test's
// API context) that reuses a connection just as the server closes it gets ECONNRESET, and load
// balancers keep idle connections up to 60 s (AWS ALB's default). Headers may take a little longer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

async function whenListening(port: number): Promise<void> {
  const access = consoleAccess(config.consoleUrl, port);
  auth = await startAuth(
    config.auth,
    access,
    config.host,
    config.consoleUrl,
    log,
    config.embedAllowedOrigins.length > 0,
  );
  app = createConsoleApp({
    mode: backend.mode,
    defaultChatbotId: config.defaultChatbotId,
    api,
    distDir: config.distDir,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    startDataTimeoutMs: config.startDataTimeoutMs,
    access,
    team: { auth: auth.auth, store, now: Date.now, log },
    keyOperations: backend.mode === 'sandbox' ? sandboxKeyOperations(backend.apiKey) : null,
    operations,
    wakeJobRunner: () => void runner.runOnce().catch(() => undefined),
    embedAllowedOrigins: config.embedAllowedOrigins,
  });
  const source =
    backend.mode === 'sandbox'
      ? `sandbox, data dir ${backend.dataDir}`
      : `upstream ${describeBaseUrl(backend.baseUrl)}, ${backend.apiKey ? 'server key set' : 'no server key'}`;
  const address = server.address() as AddressInfo;
  log(`Sign-in: ${auth.description}`);
  log(`Organizations Console on ${access.url} (listening on ${listeningOn(address)}; ${source})`);
  if (config.consoleUrl === undefined && !isLoopback(address.address)) {
    logger.warn(
      `Organizations Console: HOST=${config.host} is reachable from other machines, but without ` +
        'CONSOLE_URL the console answers only requests addressed to localhost, 127.0.0.1 or ' +
        '[::1]. Set CONSOLE_URL to the address people open it at.',
    );
  }
  if (auth.auth.mode === 'oidc' && !auth.auth.cookies.https && !isLoopback(address.address)) {
    logger.warn(
      'Organizations Console: sign-in over plain http: session cookies can be read on the ' +
        'network. Serve the console over https (CONSOLE_URL=https://…) behind a TLS proxy.',
    );
  }
}

/** Stops the job runner, sign-in's provider, the store's housekeeping, the store and the backend. */
async function closeEverything(): Promise<void> {
  await runner.stop();
  maintenance.stop();
  await auth?.close();
  await store.close();
  closeBackend();
}

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE' ? `port ${config.port} is in use (set PORT)` : error.message;
  logger.error(`Organizations Console could not start: ${reason}`);
  void closeEverything().then(() => process.exit(1));
});

/**
 * SIGTERM (or SIGINT): /readyz answers 503 and the server stops accepting connections; requests in
 * flight finish; the job runner finishes its current item and gives its job back (another replica
 * resumes it at once); then the store closes. Past SHUTDOWN_GRACE_MS the process exits anyway.
 */
function shutDown(signal: NodeJS.Signals): void {
  if (draining) return;
  draining = true;
  log(`Organizations Console: ${signal}, shutting down`);
  const forced = setTimeout(() => {
    logger.error(
      `Organizations Console: requests or jobs still running after ${SHUTDOWN_GRACE_MS} ms; exiting anyway`,
    );
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  forced.unref();
  const stopped = runner.stop();
  // A keep-alive connection whose request just finished would hold the close until its timeout.
  setInterval(() => server.closeIdleConnections(), 100).unref();
  server.close(() => {
    void stopped
      .then(closeEverything)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('Organizations Console: shutting down failed', {
          error: describeError(error),
        });
        process.exit(1);
      });
  });
  server.closeIdleConnections();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
