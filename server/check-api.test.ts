// `npm run check:api` against a small real HTTP server standing in for the API: each answer gets
// the verdict a person can act on, and the key never appears in what is printed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApi } from './check-api.ts';

const KEY = 'CCSB-a1b2c3d4-e5f6g7h8i9j0';
let server: Server;
let baseUrl: string;
const asked: { url: string; key: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const key = request.headers['x-chatcaptain-key'];
    asked.push({ url: request.url ?? '', key: typeof key === 'string' ? key : undefined });
    const chatbot = /\/v1\/chatbots\/([^/]+)\/organizations/.exec(request.url ?? '')?.[1];
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (chatbot === 'mine' && key === KEY) return reply(200, { organizations: [{ id: 'a' }] });
    if (chatbot === 'empty') return reply(200, { organizations: [] });
    if (chatbot === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<html>dashboard</html>');
    }
    if (chatbot === 'echo') return reply(403, { error: `Key ${KEY} may not read this.` });
    return reply(404, { error: 'Chatbot not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function env(chatbotId: string, extra: Record<string, string> = {}) {
  return {
    CHATCAPTAIN_API_URL: baseUrl,
    CHATCAPTAIN_API_KEY: KEY,
    CHATCAPTAIN_CHATBOT_ID: chatbotId,
    ...extra,
  };
}

describe('checkApi', () => {
  it('says OK when the key lists the chatbot organizations, sending the key as the header', async () => {
    const result = await checkApi(env('mine'));
    expect(result.ok).toBe(true);
    expect(result.lines.join('\n')).toMatch(/→ 200 in \d+ ms/);
    expect(result.lines.at(-1)).toContain('OK: the key reads the organizations of chatbot "mine"');
    expect(asked.at(-1)).toEqual({ url: '/v1/chatbots/mine/organizations?limit=1', key: KEY });
    expect(result.lines.join('\n')).not.toContain(KEY);
  });

  it('says OK for a chatbot without organizations yet', async () => {
    const result = await checkApi(env('empty'));
    expect(result).toMatchObject({ ok: true });
    expect(result.lines.at(-1)).toContain('it has none yet');
  });

  it('names the chatbot id on a 404 and shows the API error text', async () => {
    const result = await checkApi(env('nobody'));
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('404');
    expect(result.lines.join('\n')).toContain('"Chatbot not found."');
    expect(result.lines.at(-1)).toContain('check CHATCAPTAIN_CHATBOT_ID ("nobody")');
  });

  it('never prints the key, even when the API echoes it in its error', async () => {
    const result = await checkApi(env('echo'));
    expect(result.ok).toBe(false);
    const printed = result.lines.join('\n');
    expect(printed).toContain('403');
    expect(printed).toContain('[redacted]');
    expect(printed).not.toContain(KEY);
    expect(result.lines.at(-1)).toContain('chatbots.organizations.list');
  });

  it('says when the address answers something other than the API', async () => {
    const result = await checkApi(env('html'));
    expect(result.ok).toBe(false);
    expect(result.lines.at(-1)).toContain('is CHATCAPTAIN_API_URL the API');
  });

  it('says when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await checkApi(env('mine', { CHATCAPTAIN_API_URL: `http://127.0.0.1:${port}` }));
    expect(result.ok).toBe(false);
    expect(result.lines.at(-1)).toContain('could not be reached');
    expect(result.lines.join('\n')).not.toContain(KEY);
  });

  it('explains what is missing before asking anything', async () => {
    const before = asked.length;
    const sandbox = await checkApi({});
    expect(sandbox.ok).toBe(false);
    expect(sandbox.lines[0]).toContain('CHATCAPTAIN_API_URL is not set');
    const noKey = await checkApi({ CHATCAPTAIN_API_URL: baseUrl, CHATCAPTAIN_CHATBOT_ID: 'mine' });
    expect(noKey.ok).toBe(false);
    expect(noKey.lines[0]).toContain('CHATCAPTAIN_API_KEY is not set');
    const noChatbot = await checkApi({ CHATCAPTAIN_API_URL: baseUrl, CHATCAPTAIN_API_KEY: KEY });
    expect(noChatbot.ok).toBe(false);
    expect(noChatbot.lines[0]).toContain('CHATCAPTAIN_CHATBOT_ID is required');
    expect(asked.length).toBe(before);
  });
});
