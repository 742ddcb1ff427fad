// Real server processes: where the console listens, what its banner says, and that a request
// addressed to another host (DNS rebinding: a page on evil.example whose name now resolves to
// this machine) is refused before any work, on every route.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDto } from '../sandbox/types.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

const ORGANIZATIONS = '/v1/chatbots/demo/organizations';
const KEY = { 'x-chatcaptain-key': 'sandbox-full-access' };

interface RawAnswer {
  status: number;
  body: string;
}

/** A request to 127.0.0.1:port with exactly these headers (fetch would set its own Host). */
function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method, path, headers, setHost: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let dataDir: string;
const running: ServerProcess[] = [];
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-listening-'));
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop('SIGKILL');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({ DATA_DIR: dataDir, SEED_ORGANIZATIONS: '3', ...env });
  running.push(server);
  return server;
}

describe('where the console listens', { timeout: 120_000 }, () => {
  it('on loopback when HOST is unset, and the banner says so', async () => {
    const server = await start();
    expect(server.url).toBe(`http://localhost:${server.port}`);
    expect(server.output()).toContain(
      `Organizations Console on http://localhost:${server.port} (listening on 127.0.0.1:${server.port}, this machine only;`,
    );
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    const lan = lanAddress();
    if (lan !== undefined) expect(await canConnect(lan, server.port)).toBe(false);
  });

  it('on all interfaces with HOST=0.0.0.0, warning that without CONSOLE_URL only loopback names are answered', async () => {
    const server = await start({ HOST: '0.0.0.0' });
    expect(server.output()).toContain(`(listening on 0.0.0.0:${server.port}, all interfaces;`);
    await expect.poll(() => server.output()).toContain('Set CONSOLE_URL');
  });
});

describe('the Host allowlist', { timeout: 120_000 }, () => {
  it('refuses a rebinding request: DELETE with Host evil.example is 421 and deletes nothing', async () => {
    const server = await start();
    const created = await rawRequest(
      server.port,
      'POST',
      ORGANIZATIONS,
      { host: `localhost:${server.port}`, 'content-type': 'application/json', ...KEY },
      JSON.stringify({ name: 'Rebinding target' }),
    );
    expect(created.status).toBe(201);
    const { id } = (JSON.parse(created.body) as { organization: OrganizationDto }).organization;

    const evilHost = { host: `evil.example:${server.port}` };
    const deleted = await rawRequest(server.port, 'DELETE', `${ORGANIZATIONS}/${id}`, evilHost);
    expect(deleted.status).toBe(421);
    expect(JSON.parse(deleted.body)).toEqual({
      error: expect.stringMatching(
        /^Misdirected request: this console answers only at http:\/\/localhost:/,
      ) as unknown,
    });
    // With its own key too: the Host rule comes before everything.
    const withKey = await rawRequest(server.port, 'DELETE', `${ORGANIZATIONS}/${id}`, {
      ...evilHost,
      ...KEY,
    });
    expect(withKey.status).toBe(421);

    const after = await rawRequest(server.port, 'GET', `${ORGANIZATIONS}/${id}`, {
      host: `localhost:${server.port}`,
    });
    expect(after.status).toBe(200);
  });

  it('refuses another host on every route: pages, files, config and the API', async () => {
    const server = await start();
    for (const path of [
      '/',
      '/organizations',
      '/favicon.svg',
      '/assets/index.js',
      '/console/config',
      `${ORGANIZATIONS}?limit=1`,
    ]) {
      const answer = await rawRequest(server.port, 'GET', path, {
        host: `evil.example:${server.port}`,
      });
      expect(answer.status, path).toBe(421);
    }
  });

  it('refuses an absolute request target naming another host, whatever Host says', async () => {
    const server = await start();
    const answer = await rawRequest(
      server.port,
      'GET',
      `http://evil.example:${server.port}${ORGANIZATIONS}?limit=1`,
      { host: `localhost:${server.port}` },
    );
    expect(answer.status).toBe(421);
  });

  it('answers the loopback names on its port, in any case, and nothing else', async () => {
    const server = await start();
    const status = async (host: string) =>
      (await rawRequest(server.port, 'GET', '/console/config', { host })).status;
    expect(await status(`localhost:${server.port}`)).toBe(200);
    expect(await status(`LocalHost:${server.port}`)).toBe(200);
    expect(await status(`127.0.0.1:${server.port}`)).toBe(200);
    expect(await status(`[::1]:${server.port}`)).toBe(200);
    expect(await status('localhost')).toBe(421);
    expect(await status(`localhost:${server.port + 1}`)).toBe(421);
    expect(await status(`localhost.:${server.port}`)).toBe(421);
    expect(await status(`127.0.0.2:${server.port}`)).toBe(421);
  });

  it('with CONSOLE_URL, answers that host (and its origin may write), and not loopback names', async () => {
    const server = await start({ CONSOLE_URL: 'https://console.example.test' });
    expect(server.url).toBe('https://console.example.test');
    const host = { host: 'console.example.test' };
    expect((await rawRequest(server.port, 'GET', '/console/config', host)).status).toBe(200);
    expect(
      (
        await rawRequest(server.port, 'GET', '/console/config', {
          host: 'console.example.test:443',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await rawRequest(server.port, 'GET', '/console/config', {
          host: `localhost:${server.port}`,
        })
      ).status,
    ).toBe(421);
    const write = (origin: string) =>
      rawRequest(
        server.port,
        'POST',
        ORGANIZATIONS,
        { ...host, origin, 'x-console-request': '1', 'content-type': 'application/json' },
        JSON.stringify({ name: 'From the configured origin' }),
      );
    expect((await write('https://console.example.test')).status).toBe(201);
    expect((await write(`http://localhost:${server.port}`)).status).toBe(403);
  });
});
