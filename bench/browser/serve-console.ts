// The console server of the benchmark: server/main.ts's composition (sandbox, default key,
// console app with its security headers and static files) over the run's own build directory,
// which server/config.ts has no setting for. Started as a child process by bench/browser.ts, so
// the server's work never shares a thread with the measuring side.
//   BENCH_DIST_DIR: the build to serve; PORT, HOST, DATA_DIR: as for server/main.ts.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { sandboxApiHandler } from '../../server/api-key.ts';
import { loadConfig } from '../../server/config.ts';
import { createConsoleApp } from '../../server/console-app.ts';
import { consoleAccess } from '../../server/pipeline/console-access.ts';
import { createSandbox } from '../../server/sandbox/index.ts';

const distDir = process.env.BENCH_DIST_DIR;
if (distDir === undefined || distDir === '') throw new Error('BENCH_DIST_DIR is not set');
const config = loadConfig({ ...process.env, CHATCAPTAIN_API_URL: undefined });
if (config.backend.mode !== 'sandbox') throw new Error('the benchmark runs over the sandbox');

const started = performance.now();
// The data directory is seeded already; an empty one stays empty rather than getting 5,000.
const sandbox = createSandbox({ dataDir: config.backend.dataDir, seedOrganizations: 0 });
const openMs = performance.now() - started;
const app = createConsoleApp({
  mode: 'sandbox',
  defaultChatbotId: config.defaultChatbotId,
  api: sandboxApiHandler(sandbox.fetch, config.backend.apiKey),
  distDir,
  maxRequestBodyBytes: config.maxRequestBodyBytes,
  // BENCH_PORT is a fixed port: the allowed hosts can be named before listening.
  access: consoleAccess(config.consoleUrl, config.port),
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  // bench/browser/console-server.ts waits for this line.
  console.log(`bench console on port ${info.port}, sandbox opened in ${openMs.toFixed(0)} ms`);
}) as Server;

function shutDown(): void {
  server.close(() => {
    sandbox.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
