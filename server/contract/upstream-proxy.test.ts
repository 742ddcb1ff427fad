// The upstream proxy in-process, against a fake upstream: a real HTTP server that reports what it
// received and misbehaves on request (CORS grants, huge and compressed bodies, a gzip bomb, 5xx
// with stack text, the key echoed in several encodings, redirects, HTML).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../console-app.ts';
import { createUpstreamProxy } from '../upstream/proxy.ts';
import { FROM_CONSOLE_PAGE, TEST_ACCESS } from './console-under-test.ts';

const SERVER_KEY = 'CCSB-a1b2c3d4-e5f6g7h8i9j0';
const ORGANIZATIONS = '/v1/chatbots/bot-1/organizations';
const MAX_RESPONSE_BYTES = 256 * 1024;
const MAX_DECOMPRESSED_BYTES = 1024 * 1024;
const HUGE_BYTES = 100 * 1024 * 1024;
const LIST_BODY = JSON.stringify({ organizations: [] });

// The key as a careless upstream might echo it, each encoded here independently of the proxy.
const KEY_BYTES = Buffer.from(SERVER_KEY);
const ECHOES: Record<string, { body: string; expectWithheld: boolean }> = {
  'echo-percent': {
    body: JSON.stringify({
      error: 'bad key',
      url: `https://api.example/?key=${[...KEY_BYTES].map((b) => `%${b.toString(16).toUpperCase()}`).join('')}`,
    }),
    expectWithheld: false,
  },
  'echo-base64': {
    body: JSON.stringify({
      error: 'bad credentials',
      authorization: `Basic ${Buffer.from(`console:${SERVER_KEY}`).toString('base64')}`,
    }),
    expectWithheld: false,
  },
  'echo-hex': {
    body: JSON.stringify({ error: 'bad key', debug: KEY_BYTES.toString('hex') }),
    expectWithheld: false,
  },
  'echo-unicode-escaped': {
    body: `{"error":"unknown key ${[...SERVER_KEY].map(unicodeEscape).join('')}"}`,
    expectWithheld: false,
  },
  // Every other character escaped: no fixed text to replace, so the answer is withheld whole.
  'echo-partly-escaped': {
    body: `{"error":"unknown key ${[...SERVER_KEY].map((c, i) => (i % 2 === 0 ? unicodeEscape(c) : c)).join('')}"}`,
    expectWithheld: true,
  },
};

function unicodeEscape(character: string): string {
  return `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

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
let gzipBomb: Buffer;
const hangingResponses: ServerResponse[] = [];
/** Every request the upstream received, in order: what the proxy really sent. */
const receivedRequests: Received[] = [];
/** Bytes the upstream managed to write of its huge answer before the console hung up. */
let hugeBytesWritten = 0;

function json(response: ServerResponse, status: number, body: string, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

function streamHuge(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const writeMore = () => {
    while (hugeBytesWritten < HUGE_BYTES && !response.destroyed) {
      hugeBytesWritten += chunk.length;
      if (!response.write(chunk)) return;
    }
    if (!response.destroyed) response.end();
  };
  response.on('drain', writeMore);
  writeMore();
}

function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
  receivedRequests.push({
    method: request.method ?? '',
    url: request.url ?? '',
    headers: request.headers,
    body,
  });
  const id = (request.url ?? '').split('?')[0]?.slice(ORGANIZATIONS.length + 1);
  const key = String(request.headers['x-chatcaptain-key']);
  switch (id) {
    case 'slow':
      hangingResponses.push(response);
      return;
    case 'echo-key':
      // A careless upstream that reflects the key it was sent, in a header and in the body.
      return json(response, 401, JSON.stringify({ error: `Unknown key ${key}.` }), {
        'x-received-key': key,
        'set-cookie': 'session=upstream; Path=/',
      });
    case 'crash':
      return json(
        response,
        500,
        `TypeError: Cannot read properties of undefined (reading 'id')\n` +
          `    at OrganizationController.get (/srv/api/dist/organizations.js:41:17)\n` +
          `    request headers: {"x-chatcaptain-key":"${key}"}`,
        { 'content-type': 'text/plain', 'retry-after': '30' },
      );
    case 'crash-escaped':
      return json(response, 503, ECHOES['echo-partly-escaped']?.body ?? '');
    case 'huge':
      return streamHuge(response);
    case 'huge-announced':
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(HUGE_BYTES),
      });
      response.write('{"organizations":[');
      hangingResponses.push(response);
      return;
    case 'gzip-bomb':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipBomb);
      return;
    case 'gzip':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ organization: { id: 'gzip', name: 'Zipped' } })));
      return;
    case 'brotli':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
      response.end(brotliCompressSync(JSON.stringify({ organization: { id: 'br', name: 'Br' } })));
      return;
    case 'corrupt-gzip':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(LIST_BODY).subarray(0, 12));
      return;
    case 'zstd':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
      response.end('(\u00b5/\u00fd');
      return;
    case 'html':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        '<script>fetch("/v1/chatbots/bot-1/organizations/x",{method:"DELETE"})</script>',
      );
      return;
    case 'redirect':
      response.writeHead(307, { location: 'https://evil.example/collect' });
      response.end();
      return;
  }
  const echo = id === undefined ? undefined : ECHOES[id];
  if (echo) return json(response, 400, echo.body, { 'x-debug': echo.body.slice(0, 200) });
  // The ordinary answer, with what a misconfigured API gateway adds: CORS grants for everyone,
  // cookies, and headers that would act on the console's own origin.
  json(response, 200, id === undefined ? LIST_BODY : JSON.stringify({ organization: { id } }), {
    'access-control-allow-origin': '*',
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PATCH, DELETE, PUT',
    'set-cookie': 'tracking=1',
    'clear-site-data': '"*"',
    'content-disposition': 'attachment; filename=x.html',
    'x-request-id': 'req-1',
  });
}

beforeAll(async () => {
  gzipBomb = gzipSync(Buffer.alloc(HUGE_BYTES, 0x20));
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
      maxResponseBytes: MAX_RESPONSE_BYTES,
      maxDecompressedBytes: MAX_DECOMPRESSED_BYTES,
      log: (line) => logged.push(line),
    }),
    distDir,
    maxRequestBodyBytes: 1024,
    access: TEST_ACCESS,
  });
  return { app, logged };
}

/** What the upstream received for this response's request. */
async function receivedBy(response: Response): Promise<Received> {
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  const received = receivedRequests.at(-1);
  if (!received) throw new Error('The upstream received no request.');
  return received;
}

function expectNoCorsHeaders(response: Response): void {
  const names = [...response.headers.keys()];
  expect(names.filter((name) => name.startsWith('access-control-'))).toEqual([]);
}

describe('upstream proxy: what it forwards', () => {
  it('forwards an update: method, normalised path and body, with the server key added', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/o%2Dx`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...FROM_CONSOLE_PAGE },
      body: JSON.stringify({ organization: { name: 'Ünïcode <b>', variables: {} } }),
    });
    const received = await receivedBy(response);
    expect(received.method).toBe('PATCH');
    // Decoded once and encoded one way: "-" needs no escape.
    expect(received.url).toBe(`${ORGANIZATIONS}/o-x`);
    expect(JSON.parse(received.body)).toEqual({
      organization: { name: 'Ünïcode <b>', variables: {} },
    });
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-chatcaptain-key']).toBe(SERVER_KEY);
    // The console's own header and the browser's origin are the console's business only.
    expect(received.headers['x-console-request']).toBeUndefined();
    expect(received.headers.origin).toBeUndefined();
  });

  it('forwards a search with its query, each parameter encoded one way', async () => {
    const { app } = consoleOver(upstreamUrl);
    const received = await receivedBy(
      await app.request(`${ORGANIZATIONS}/search?query=a+b%21&page=2&pageSize=5`),
    );
    expect(received.method).toBe('GET');
    expect(received.url).toBe(`${ORGANIZATIONS}/search?query=a%20b!&page=2&pageSize=5`);
  });

  it('keeps a path prefix of the configured base URL', async () => {
    const { app } = consoleOver(`${upstreamUrl}/api`);
    const received = await receivedBy(await app.request(ORGANIZATIONS));
    expect(received.url).toBe(`/api${ORGANIZATIONS}`);
  });

  it('lets a key sent by the browser win over the server key', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request(ORGANIZATIONS, {
      headers: { 'x-chatcaptain-key': 'browser-key' },
    });
    expect((await receivedBy(response)).headers['x-chatcaptain-key']).toBe('browser-key');
  });

  it('sends no key when none is configured and the browser sends none', async () => {
    const { app } = consoleOver(upstreamUrl, { apiKey: undefined });
    const received = await receivedBy(await app.request(ORGANIZATIONS));
    expect(received.headers['x-chatcaptain-key']).toBeUndefined();
  });

  it('forwards named request headers only: no cookie, hop-by-hop or proxy header', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request(ORGANIZATIONS, {
      headers: {
        cookie: 'console-session=secret',
        connection: 'x-private-hop',
        'x-private-hop': 'do not forward',
        'proxy-authorization': 'Basic c2VjcmV0',
        authorization: 'Bearer console-session',
        'x-forwarded-for': '10.0.0.1',
        'x-request-id': 'sent-by-the-caller',
      },
    });
    const received = await receivedBy(response);
    expect(received.headers.cookie).toBeUndefined();
    expect(received.headers['x-private-hop']).toBeUndefined();
    expect(received.headers['proxy-authorization']).toBeUndefined();
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers['x-forwarded-for']).toBeUndefined();
    // The console's own id for the request goes on, the one the caller sent does not.
    expect(received.headers['x-request-id']).toBe(response.headers.get('x-request-id'));
    expect(received.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // The upstream sees its own host, not the console's.
    expect(received.headers.host).toBe(new URL(upstreamUrl).host);
  });

  it.each([
    ['PUT', ORGANIZATIONS, 'GET, POST'],
    ['PROPFIND', `${ORGANIZATIONS}/o1`, 'GET, PATCH, DELETE'],
    ['MKCOL', `${ORGANIZATIONS}/o1`, 'GET, PATCH, DELETE'],
    ['POST', `${ORGANIZATIONS}/o1/contacts`, 'GET'],
    ['DELETE', `${ORGANIZATIONS}/search`, null],
    ['OPTIONS', `${ORGANIZATIONS}/o1`, 'GET, PATCH, DELETE'],
    ['HEAD', ORGANIZATIONS, 'GET, POST'],
  ])('answers %s %s itself (405 with Allow), forwarding nothing', async (method, path, allow) => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request(path, {
      method,
      headers: {
        ...FROM_CONSOLE_PAGE,
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'x-chatcaptain-key',
      },
    });
    if (allow === null) {
      // DELETE …/search deletes the organization whose id is "search": an operation.
      expect(response.status).toBe(200);
      expect(receivedRequests).toHaveLength(receivedBefore + 1);
      return;
    }
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    if (method !== 'HEAD') {
      expect(((await response.json()) as { error: string }).error).toContain(allow);
    }
    expectNoCorsHeaders(response);
    expect(receivedRequests).toHaveLength(receivedBefore);
  });

  it.each([
    ['another part of the API', '/v1/chatbots/bot-1/settings', 404],
    ['messages', '/v1/chatbots/bot-1/conversations/c1/messages', 404],
    ['the chatbots', '/v1/chatbots', 404],
    ['a path below contacts/count', `${ORGANIZATIONS}/o1/contacts/count/more`, 404],
    ['an encoded slash', `${ORGANIZATIONS}/..%2F..%2Fsettings`, 400],
    ['an encoded backslash', `${ORGANIZATIONS}/a%5Cb`, 400],
    ['a dot segment with a path parameter', `${ORGANIZATIONS}/..;/..;/settings`, 400],
    ['a path parameter', `${ORGANIZATIONS}/o1;jsessionid=1`, 400],
    ['a double-encoded dot segment', `${ORGANIZATIONS}/%252e%252e`, 400],
    ['double-encoded dot segments', `${ORGANIZATIONS}/%252e%252e/%252e%252e/settings`, 404],
    ['a double-encoded slash', `${ORGANIZATIONS}/o1%252fcontacts`, 400],
    ['an encoded control character', `${ORGANIZATIONS}/o1%0d%0aX-Injected:%201`, 400],
    ['percent-encoding that is not UTF-8', `${ORGANIZATIONS}/%ff%fe`, 400],
    ['a malformed escape', `${ORGANIZATIONS}/%zz`, 400],
  ])('forwards nothing for %s (%s)', async (_case, path, status) => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request(path, { method: 'DELETE', headers: FROM_CONSOLE_PAGE });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.any(String) as unknown });
    expect(receivedRequests).toHaveLength(receivedBefore);
  });

  it.each([
    ['a repeated parameter', '?limit=1&limit=2', /"limit" is given more than once/],
    ['an unknown parameter', '?limit=1&chatbotId=other', /Unknown query parameter "chatbotId"/],
    ['text that is not UTF-8', '?pageToken=%C0%AF', /not valid percent-encoded UTF-8/],
  ])('refuses a query with %s (400), forwarding nothing', async (_case, query, message) => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request(`${ORGANIZATIONS}${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(receivedRequests).toHaveLength(receivedBefore);
  });

  it('refuses a request body over the limit with 413 JSON, without forwarding it', async () => {
    const { app } = consoleOver(upstreamUrl);
    const receivedBefore = receivedRequests.length;
    const response = await app.request(ORGANIZATIONS, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...FROM_CONSOLE_PAGE },
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
    const request = new Request(`http://localhost${ORGANIZATIONS}`, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    request.headers.set('origin', 'http://localhost');
    request.headers.set('x-console-request', '1');
    const receivedBefore = receivedRequests.length;
    const response = await app.fetch(request);
    expect(response.status).toBe(413);
    expect(receivedRequests).toHaveLength(receivedBefore);
  });
});

describe('upstream proxy: what it passes back', () => {
  it('passes no CORS header, cookie or origin-wide header of the upstream on', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/o1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ organization: { id: 'o1' } });
    expectNoCorsHeaders(response);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('clear-site-data')).toBeNull();
    expect(response.headers.get('content-disposition')).toBeNull();
    // The console's own id for the request; the upstream's other one beside it.
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-upstream-request-id')).toBe('req-1');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('decompresses gzip and brotli answers', async () => {
    const { app } = consoleOver(upstreamUrl);
    const zipped = await app.request(`${ORGANIZATIONS}/gzip`);
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBeNull();
    expect(await zipped.json()).toEqual({ organization: { id: 'gzip', name: 'Zipped' } });
    const brotli = await app.request(`${ORGANIZATIONS}/brotli`);
    expect(await brotli.json()).toEqual({ organization: { id: 'br', name: 'Br' } });
  });

  it('cuts a huge answer off at its size cap (502) without reading the rest', async () => {
    const { app, logged } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/huge`);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toMatch(/answer was refused/);
    expect(logged.join('\n')).toMatch(/more than the 262144 bytes allowed/);
    // What the upstream could write before the console hung up: the cap and the sockets' buffers,
    // nowhere near the 100 MB it meant to send.
    await expect.poll(() => hugeBytesWritten).toBeGreaterThan(MAX_RESPONSE_BYTES);
    expect(hugeBytesWritten).toBeLessThan(HUGE_BYTES / 4);
  });

  it('refuses an answer that announces more than the cap before reading it', async () => {
    const { app, logged } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/huge-announced`);
    expect(response.status).toBe(502);
    expect(logged.join('\n')).toMatch(/announced 104857600 bytes/);
  });

  it('stops decompressing a gzip bomb at the decompressed cap (502)', async () => {
    const { app, logged } = consoleOver(upstreamUrl);
    expect(gzipBomb.length).toBeLessThan(MAX_RESPONSE_BYTES);
    const response = await app.request(`${ORGANIZATIONS}/gzip-bomb`);
    expect(response.status).toBe(502);
    expect(logged.join('\n')).toMatch(/decompressed to more than the 1048576 bytes allowed/);
  });

  it.each([
    ['a corrupt gzip body', 'corrupt-gzip', /corrupt compressed body/],
    ['an encoding it did not ask for', 'zstd', /content encoding the console did not ask for/],
    ['HTML instead of JSON', 'html', /"text\/html", not JSON/],
    ['a redirect', 'redirect', /answered HTTP 307/],
  ])('answers 502 for %s, passing none of it on', async (_case, id, logLine) => {
    const { app, logged } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/${id}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({ error: expect.any(String) as unknown });
    expect(logged.join('\n')).toMatch(logLine);
  });

  it('replaces a 5xx body (stack text) by a short message and logs the original without the key', async () => {
    const { app, logged } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/crash`);
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBe('30');
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: 'The ChatCaptain API had a problem (HTTP 500). Try again later.',
    });
    expect(body).not.toMatch(/OrganizationController|\/srv\/api/);
    const log = logged.join('\n');
    expect(log).toContain('answered HTTP 500: TypeError: Cannot read properties');
    expect(log).toContain('/srv/api/dist/organizations.js:41:17');
    expect(log).not.toContain(SERVER_KEY);
    expect(log).toContain('[redacted]');
  });

  it('logs no 5xx body that holds the key in a form it cannot redact', async () => {
    const { app, logged } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/crash-escaped`);
    expect(response.status).toBe(503);
    const log = logged.join('\n');
    expect(log).toContain('answered HTTP 503: (body not logged: it held the server key)');
    expect(log).not.toContain(ECHOES['echo-partly-escaped']?.body.slice(24, 60));
  });

  it('redacts the server key echoed as sent, in the body; drops a header holding it', async () => {
    const { app } = consoleOver(upstreamUrl);
    const response = await app.request(`${ORGANIZATIONS}/echo-key`);
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).not.toContain(SERVER_KEY);
    expect(JSON.parse(body)).toEqual({ error: 'Unknown key [redacted].' });
    for (const [, value] of response.headers) expect(value).not.toContain(SERVER_KEY);
    expect(response.headers.get('x-received-key')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it.each(Object.entries(ECHOES))(
    'never passes the key on when echoed as %s',
    async (id, { body: sent, expectWithheld }) => {
      const { app } = consoleOver(upstreamUrl);
      const response = await app.request(`${ORGANIZATIONS}/${id}`);
      const body = await response.text();
      const everything = `${body}\n${JSON.stringify([...response.headers])}`;
      expect(everything).not.toContain(SERVER_KEY);
      // The encoded key the upstream sent (and what JSON parsing of the answer would reveal).
      expect(everything).not.toContain(JSON.parse(sent).url ?? '\u0000');
      expect(everything).not.toContain(KEY_BYTES.toString('hex'));
      expect(everything).not.toContain(Buffer.from(`console:${SERVER_KEY}`).toString('base64'));
      expect(JSON.stringify(JSON.parse(body))).not.toContain(SERVER_KEY);
      if (expectWithheld) {
        expect(response.status).toBe(502);
        expect(JSON.parse(body)).toEqual({ error: expect.stringMatching(/withheld/) as unknown });
      } else {
        expect(response.status).toBe(400);
        expect(body).toContain('[redacted]');
      }
    },
  );
});

describe('upstream proxy: when the upstream fails', () => {
  it('answers 504 with a JSON error when the upstream is too slow', async () => {
    const { app, logged } = consoleOver(upstreamUrl, { timeoutMs: 200 });
    const startedAt = Date.now();
    const response = await app.request(`${ORGANIZATIONS}/slow`);
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
    const response = await app.request(ORGANIZATIONS);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(/could not be reached/);
    expect(logged).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(SERVER_KEY);
  });
});
