// Real server processes, as an operator runs them: the health checks a load balancer probes,
// /metrics and who may read it, the JSON log lines, a configuration with several bad variables,
// and SIGTERM with a request in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runServerToExit, startServerProcess, type ServerProcess } from './server-process.ts';

const ORGANIZATIONS = '/v1/chatbots/demo/organizations';
const TOKEN = 'metrics-token-for-the-test-0123456789';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request to 127.0.0.1:port with exactly these headers (fetch would set its own Host). */
function rawRequest(port: number, path: string, headers: Record<string, string>) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, path, headers, setHost: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    outgoing.once('error', reject);
    outgoing.end();
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function logLines(server: { output(): string }): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('health, readiness, metrics and logs', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'console-ops-'));
    server = await startServerProcess({ DATA_DIR: dataDir, SEED_ORGANIZATIONS: '50' });
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers /healthz and /readyz for any Host, saying nothing but ok or ready', async () => {
    for (const host of [`localhost:${server.port}`, '10.1.2.3:4173', 'evil.example']) {
      const health = await rawRequest(server.port, '/healthz', { host });
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
      const ready = await rawRequest(server.port, '/readyz', { host });
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });
      expect(ready.headers['cache-control']).toBe('no-store');
    }
    // Every other route still refuses a Host that is not the console's.
    expect((await rawRequest(server.port, ORGANIZATIONS, { host: 'evil.example' })).status).toBe(
      421,
    );
  });

  it('serves /metrics to a scraper on this machine only, with requests by route and status', async () => {
    const host = `localhost:${server.port}`;
    await rawRequest(server.port, `${ORGANIZATIONS}?limit=5`, { host });
    await rawRequest(server.port, `${ORGANIZATIONS}/no-such-organization`, { host });
    const metrics = await rawRequest(server.port, '/metrics', { host });
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /console_http_requests_total\{method="GET",route="\/v1 list",status="200"\} [1-9]/,
    );
    expect(metrics.body).toMatch(
      /console_http_requests_total\{method="GET",route="\/v1 get",status="404"\} [1-9]/,
    );
    expect(metrics.body).toContain('console_http_request_duration_seconds_bucket{');
    expect(metrics.body).toContain('console_upstream_errors_total');
    expect(metrics.body).toContain('console_jobs_running 0');
    expect(metrics.body).toContain('process_resident_memory_bytes');

    // Passed on by a proxy on this machine, or addressed by another name (DNS rebinding): refused.
    const forwarded = await rawRequest(server.port, '/metrics', {
      host,
      'x-forwarded-for': '203.0.113.9',
    });
    expect(forwarded.status).toBe(403);
    expect(forwarded.body).not.toContain('console_http');
    expect((await rawRequest(server.port, '/metrics', { host: 'evil.example' })).status).toBe(403);
  });

  it('logs each request as one JSON line with its request id, never the cookie', async () => {
    const cookie = 'console_session=secret-session-id-that-must-not-be-logged';
    const answer = await rawRequest(
      server.port,
      `${ORGANIZATIONS}/search?query=secret-query&page=1&pageSize=1`,
      {
        host: `localhost:${server.port}`,
        cookie,
      },
    );
    const requestId = answer.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    await expect
      .poll(() => logLines(server).find((line) => line.requestId === requestId), {
        timeout: 10_000,
      })
      .toMatchObject({
        level: 'info',
        msg: 'request',
        method: 'GET',
        route: '/v1 search',
        status: 200,
      });
    expect(server.output()).not.toContain('secret-session-id');
    expect(server.output()).not.toContain('secret-query');
    expect(server.output()).not.toContain('sandbox-full-access');
  });
});

describe('METRICS_TOKEN', () => {
  it(
    'lets a scraper elsewhere read /metrics with the token, and nobody without it',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'console-ops-'));
      const server = await startServerProcess({
        DATA_DIR: dataDir,
        SEED_ORGANIZATIONS: '0',
        METRICS_TOKEN: TOKEN,
      });
      try {
        const elsewhere = { host: '10.1.2.3:4173' };
        const without = await rawRequest(server.port, '/metrics', elsewhere);
        expect(without.status).toBe(401);
        expect(without.headers['www-authenticate']).toBe('Bearer');
        const wrong = await rawRequest(server.port, '/metrics', {
          ...elsewhere,
          authorization: `Bearer ${TOKEN.slice(0, -1)}x`,
        });
        expect(wrong.status).toBe(401);
        const right = await rawRequest(server.port, '/metrics', {
          ...elsewhere,
          authorization: `Bearer ${TOKEN}`,
        });
        expect(right.status).toBe(200);
        expect(right.body).toContain('console_http_requests_total');
        expect(server.output()).not.toContain(TOKEN);
      } finally {
        await server.stop('SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe('configuration checked at start', () => {
  it(
    'names every bad variable at once, one line each, and exits 1',
    { timeout: 120_000 },
    async () => {
      const { code, output } = await runServerToExit({
        PORT: 'eighty',
        DATABASE_POOL_SIZE: '0',
        METRICS_TOKEN: 'short',
        SESSION_IDLE_MINUTES: '-5',
        CONSOLE_AUTH: 'demo',
        CONSOLE_ADMINS: 'not-an-address',
      });
      expect(code).toBe(1);
      const messages = logLines({ output: () => output }).map((line) => String(line.msg));
      expect(messages[0]).toBe(
        "Organizations Console cannot start: 5 setting(s) to fix (see the README's configuration table)",
      );
      expect(messages.slice(1)).toEqual([
        expect.stringMatching(/^configuration: PORT must be a whole number/),
        expect.stringMatching(/^configuration: SESSION_IDLE_MINUTES must be a whole number/),
        expect.stringMatching(/^configuration: CONSOLE_ADMINS holds "not-an-address"/),
        expect.stringMatching(/^configuration: DATABASE_POOL_SIZE must be a whole number/),
        expect.stringMatching(/^configuration: METRICS_TOKEN must be at least 16 characters/),
      ]);
      expect(output).not.toContain('"short"');
    },
  );
});

describe('SIGTERM', () => {
  let dataDir: string;
  let held: ServerResponse[] = [];
  const upstream = createServer((_request, response) => {
    held.push(response);
  });
  let upstreamPort: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'console-ops-'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamPort = (upstream.address() as AddressInfo).port;
  });
  afterEach(() => {
    held = [];
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'stops accepting, finishes the request in flight, then exits 0',
    { timeout: 120_000 },
    async () => {
      const server = await startServerProcess({
        DATA_DIR: dataDir,
        CHATCAPTAIN_API_URL: `http://localhost:${upstreamPort}`,
        CHATCAPTAIN_CHATBOT_ID: 'demo',
        CONSOLE_AUTH: 'off',
      });
      const host = `localhost:${server.port}`;
      // A request the (held) API has received: certainly in flight.
      const inFlight = rawRequest(server.port, `${ORGANIZATIONS}?limit=1`, { host });
      await expect.poll(() => held.length, { timeout: 20_000 }).toBe(1);
      const exited = server.stop('SIGTERM');
      await expect.poll(() => accepts(server.port), { timeout: 20_000 }).toBe(false);

      held[0]!.writeHead(200, { 'content-type': 'application/json' });
      held[0]!.end(JSON.stringify({ organizations: [], total: 0 }));
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(await exited).toBe(0);
      const messages = logLines(server).map((line) => line.msg);
      expect(messages).toContain('Organizations Console: SIGTERM, shutting down');
    },
  );
});
