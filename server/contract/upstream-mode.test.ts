// Two real server processes: A over the sandbox, B in upstream mode pointing at A with the
// full-access key configured. What a browser talking to B sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { responseViolations } from './openapi-validator.ts';

const SERVER_KEY = 'sandbox-full-access';
const ORGANIZATIONS = '/v1/chatbots/demo/organizations';

let dataDir: string;
let sandboxServer: ServerProcess;
let upstreamServer: ServerProcess;
/** Every response B gave in this file, to check that the key never appears in any. */
const seen: { url: string; headers: string; body: string }[] = [];

async function throughUpstream(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(`${upstreamServer.url}${path}`, init);
  const body = await response.text();
  seen.push({ url: path, headers: JSON.stringify([...response.headers]), body });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** What the console's page sends with a change (its Origin, and src/api/client.ts's header). */
function fromPage(headers: Record<string, string> = {}) {
  return { origin: upstreamServer.url, 'x-console-request': '1', ...headers };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-upstream-'));
  sandboxServer = await startServerProcess({ DATA_DIR: dataDir, SEED_ORGANIZATIONS: '8' });
  upstreamServer = await startServerProcess({
    CHATCAPTAIN_API_URL: sandboxServer.url,
    CHATCAPTAIN_API_KEY: SERVER_KEY,
    CHATCAPTAIN_CHATBOT_ID: 'demo',
    UPSTREAM_TIMEOUT_MS: '5000',
    // Without sign-in, on loopback (the default HOST): the only way upstream mode runs without it.
    CONSOLE_AUTH: 'off',
  });
}, 120_000);

afterAll(async () => {
  await upstreamServer?.stop('SIGKILL');
  await sandboxServer?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('upstream mode', { timeout: 60_000 }, () => {
  it('tells the browser its mode and chatbot, and not the key', async () => {
    const response = await throughUpstream('/console/config');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'upstream', defaultChatbotId: 'demo' });
  });

  it('adds the configured key to a request without one', async () => {
    const response = await throughUpstream(`${ORGANIZATIONS}?limit=5`);
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(responseViolations('get', '/v1/chatbots/{chatbotId}/organizations', 200, body)).toEqual(
      [],
    );
    expect((body as { organizations: unknown[] }).organizations).toHaveLength(5);
  });

  it('creates through the proxy: method, body and status pass through', async () => {
    const response = await throughUpstream(ORGANIZATIONS, {
      method: 'POST',
      headers: fromPage({ 'content-type': 'application/json' }),
      body: JSON.stringify({ name: 'Proxied <b>Org</b>', address: { location: 'Zürich' } }),
    });
    expect(response.status).toBe(201);
    const { organization } = (await response.json()) as {
      organization: { id: string; name: string };
    };
    expect(organization.name).toBe('Proxied <b>Org</b>');
    const readBack = await throughUpstream(
      `${ORGANIZATIONS}/${encodeURIComponent(organization.id)}`,
    );
    expect(readBack.status).toBe(200);
  });

  it('lets a read-only key sent by the browser win: reads pass, a write is 403', async () => {
    const headers = {
      'x-chatcaptain-key': 'sandbox-read-only',
      'content-type': 'application/json',
    };
    expect((await throughUpstream(ORGANIZATIONS, { headers })).status).toBe(200);
    const write = await throughUpstream(ORGANIZATIONS, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Not allowed' }),
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: 'Insufficient permissions.' });
  });

  it('passes the upstream 404 and 400 through with their JSON errors', async () => {
    const missing = await throughUpstream(`${ORGANIZATIONS}/no-such-organization`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty('error');
    const invalid = await throughUpstream(ORGANIZATIONS, {
      method: 'POST',
      headers: fromPage({ 'content-type': 'application/json' }),
      body: JSON.stringify({ size: 'large' }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/name/);
  });

  it('never shows the key in any response header or body it gave', () => {
    expect(seen.length).toBeGreaterThanOrEqual(7);
    for (const response of seen) {
      expect(response.headers, response.url).not.toContain(SERVER_KEY);
      expect(response.body, response.url).not.toContain(SERVER_KEY);
    }
  });

  it('answers 502 with a JSON error once the upstream is down, and never logs the key', async () => {
    await sandboxServer.stop('SIGKILL');
    const response = await throughUpstream(ORGANIZATIONS);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(/could not be reached/);
    expect(upstreamServer.output()).toContain(
      'upstream: GET /v1/chatbots/demo/organizations failed',
    );
    expect(upstreamServer.output()).not.toContain(SERVER_KEY);
  });
});
