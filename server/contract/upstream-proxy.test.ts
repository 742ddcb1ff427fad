// The upstream proxy in-process, against a real HTTP server that reports what it received.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../console-app.ts';
import { createUpstreamProxy } from '../upstream.ts';

const SERVER_KEY = 'CCSB-a1b2c3d4-e5f6g7h8i9j0';

interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// An empty build: these tests are about /v1 only.
const distDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
let upstream: Server;
let upstreamUrl: string;
const hangingResponses: ServerResponse[] = [];
/** Every request the upstream received, in order: what the proxy really sent. */
const receivedRequests: Received[] = [];

function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
  const received: Received = {
    method: request.method ?? '',
    url: request.url ?? '',
    headers: request.headers,
    body,
  };
  receivedRequests.push(received);
  if (request.url === '/v1/chatbots/bot-1/organizations/slow') {
    hangingResponses.push(response);
    return;
  }
  if (request.url === '/v1/chatbots/bot-1/organizations/echo-key') {
    // A careless upstream that reflects the key it was sent, in a header and in the body.
    const key = String(request.headers['x-chatcaptain-key']);
    response.writeHead(401, {
      'content-type': 'application/json',
      'x-received-key': key,
      'set-cookie': 'session=upstream; Path=/',
    });
    response.end(JSON.stringify({ error: `Unknown key ${key}.` }));
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'tracking=1' });
  response.end(JSON.stringify({ organizations: [] }));
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hangingResponses) response.destroy();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

function consoleOver(baseUrl: string, options: { timeoutMs?: number; apiKey?: string } = {}) {
  const logged: string[] = [];
  const app = createConsoleApp({
    mode: 'upstream',
    defaultChatbotId: 'bot-1',
    api: createUpstreamProxy({
      baseUrl,
      apiKey: 'apiKey' in options ? options.apiKey : SERVER_KEY,
      timeoutMs: options.timeoutMs ?? 5_000,
      log: (line) => logged.push(line),
    }),
    distDir,
    maxRequestBodyBytes: 1024,
  });
  return { app, logged };
}

/** What the upstream received for this response's request. */
async function receivedBy(response: Response): Promise<Received> {
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ organizations: [] });
  const received = receivedRequests.at(-1);
  if (!received) throw new Error('The upstream received no request.');
  return received;
}

describe('upstream proxy', () => {
  it('forwards method, path, query and body, and adds the server key to a keyless request', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request('/v1/chatbots/bot-1/organizations/o1?query=a%20b&page=2', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: { name: 'Ünïcode <b>', variables: {} } }),
    });
    const received = await receivedBy(response);
    expect(received.method).toBe('PATCH');
    expect(received.url).toBe('/v1/chatbots/bot-1/organizations/o1?query=a%20b&page=2');
    expect(JSON.parse(received.body)).toEqual({
      organization: { name: 'Ünïcode <b>', variables: {} },
    });
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-chatcaptain-key']).toBe(SERVER_KEY);
  });

  it('keeps a path prefix of the configured base URL', async () => {
    const { app } = consoleOver(`${upstreamUrl}/api`);
    const received = await receivedBy(await app.request('/v1/chatbots/bot-1/organizations'));
    expect(received.url).toBe('/api/v1/chatbots/bot-1/organizations');
  });

  it('lets a key sent by the browser win over the server key', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request('/v1/chatbots/bot-1/organizations', {
      headers: { 'x-chatcaptain-key': 'browser-key' },
    });
    expect((await receivedBy(response)).headers['x-chatcaptain-key']).toBe('browser-key');
  });

  it('sends no key when none is configured and the browser sends none', async () => {
    const { app } = consoleOver(upstreamUrl, { apiKey: undefined });
    const received = await receivedBy(await app.request('/v1/chatbots/bot-1/organizations'));
    expect(received.headers['x-chatcaptain-key']).toBeUndefined();
  });

  it('strips cookies, hop-by-hop headers and headers listed in Connection, both ways', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request('/v1/chatbots/bot-1/organizations', {
      headers: {
        cookie: 'console-session=secret',
        connection: 'x-private-hop',
        'x-private-hop': 'do not forward',
        'proxy-authorization': 'Basic c2VjcmV0',
        'x-request-id': 'kept',
      },
    });
    expect(response.headers.get('set-cookie')).toBeNull();
    const received = await receivedBy(response);
    expect(received.headers.cookie).toBeUndefined();
    expect(received.headers['x-private-hop']).toBeUndefined();
    expect(received.headers['proxy-authorization']).toBeUndefined();
    expect(received.headers['x-request-id']).toBe('kept');
    // The upstream sees its own host, not the console's.
    expect(received.headers.host).toBe(new URL(upstreamUrl).host);
  });

  it('redacts the server key should the upstream echo it, in headers and body', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request('/v1/chatbots/bot-1/organizations/echo-key');
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).not.toContain(SERVER_KEY);
    expect(JSON.parse(body)).toEqual({ error: 'Unknown key [redacted].' });
    for (const [, value] of response.headers) expect(value).not.toContain(SERVER_KEY);
    expect(response.headers.get('x-received-key')).toBe('[redacted]');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 504 with a JSON error when the upstream is too slow', async () => {
    const { app, logged } = consoleOver(upstreamUrl, { timeoutMs: 200 });
    const startedAt = Date.now();
    const response = await app.request('/v1/chatbots/bot-1/organizations/slow');
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: string }).error).toMatch(/did not answer/);
    expect(logged.join('\n')).toContain('timed out');
  });

  it('answers 502 with a JSON error when the upstream cannot be reached, never logging the key', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const { app, logged } = consoleOver(deadUrl);
    const response = await app.request('/v1/chatbots/bot-1/organizations');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(/could not be reached/);
    expect(logged).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(SERVER_KEY);
  });

  it.each([
    '/v1/chatbots/bot-1/settings',
    '/v1/chatbots/bot-1/conversations/c1/messages',
    '/v1/chatbots',
    '/v1/chatbots/bot-1/organizations/o1/contacts/count/more',
    '/v1/chatbots/bot-1/organizations/..%2F..%2Fsettings',
    '/v1/chatbots/bot-1/organizations/%2e%2e',
    '/v1/chatbots/bot-1/organizations/a%5Cb',
  ])('forwards nothing but the organization operations: %s is 404 here', async (path) => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request(path, { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'The console forwards only the organization operations.',
    });
    expect(receivedRequests).toHaveLength(receivedBefore);
  });

  it('refuses a request body over the limit with 413 JSON, without forwarding it', async () => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request('/v1/chatbots/bot-1/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2048) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 1024 bytes/);
    expect(receivedRequests).toHaveLength(receivedBefore);
  });

  it('refuses an over-limit body sent in chunks without a Content-Length', async () => {
    const { app } = consoleOver(upstreamUrl);
    const chunk = new TextEncoder().encode('y'.repeat(600));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request('http://console.test/v1/chatbots/bot-1/organizations', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const receivedBefore = receivedRequests.length;
    const response = await app.fetch(request);
    expect(response.status).toBe(413);
    expect(receivedRequests).toHaveLength(receivedBefore);
  });
});
