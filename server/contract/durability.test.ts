// A real server process on a temporary data directory: what the API acknowledged survives a
// SIGKILL, a restart neither loses nor reseeds data, and SIGTERM shuts down cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDto } from '../sandbox/types.ts';
import { runServerToExit, startServerProcess, type ServerProcess } from './server-process.ts';

const SEEDED = 12;
const ORGANIZATIONS = '/v1/chatbots/demo/organizations';

let dataDir: string;
const running: ServerProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-durability-'));
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop('SIGKILL');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    SEED_ORGANIZATIONS: String(SEEDED),
  });
  running.push(server);
  return server;
}

/** What the console's page sends with a change (its Origin, and src/api/client.ts's header). */
function fromPage(server: ServerProcess, headers: Record<string, string> = {}) {
  return { origin: server.url, 'x-console-request': '1', ...headers };
}

async function listAll(server: ServerProcess): Promise<OrganizationDto[]> {
  const response = await fetch(`${server.url}${ORGANIZATIONS}?limit=250`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { organizations: OrganizationDto[] }).organizations;
}

// Each test starts real processes; on a loaded 2-core CI machine that takes seconds each.
describe('durability of a server process', { timeout: 120_000 }, () => {
  it('keeps a created and an updated organization across kill -9 and a restart', async () => {
    const first = await start();
    expect(first.output()).toContain(`data dir ${dataDir}`);
    expect(await listAll(first)).toHaveLength(SEEDED);

    const createResponse = await fetch(`${first.url}${ORGANIZATIONS}`, {
      method: 'POST',
      headers: fromPage(first, { 'content-type': 'application/json' }),
      body: JSON.stringify({ name: 'Durable Düsseldorf GmbH', industry: 'Logistics', size: 42 }),
    });
    expect(createResponse.status).toBe(201);
    const created = ((await createResponse.json()) as { organization: OrganizationDto })
      .organization;

    const updateResponse = await fetch(`${first.url}${ORGANIZATIONS}/${created.id}`, {
      method: 'PATCH',
      headers: fromPage(first, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        organization: { website: 'https://durable.example', variables: { tier: 'gold' } },
      }),
    });
    expect(updateResponse.status).toBe(200);

    expect(await first.stop('SIGKILL')).toBeNull();

    const second = await start();
    const readBack = await fetch(`${second.url}${ORGANIZATIONS}/${created.id}`);
    expect(readBack.status).toBe(200);
    const { organization } = (await readBack.json()) as { organization: OrganizationDto };
    expect(organization).toMatchObject({
      id: created.id,
      name: 'Durable Düsseldorf GmbH',
      industry: 'Logistics',
      size: 42,
      website: 'https://durable.example',
      variables: { tier: 'gold' },
      created: created.created,
    });
    // Seeded once, on the empty database only: the restart added nothing.
    expect(await listAll(second)).toHaveLength(SEEDED + 1);

    // The search index is rebuilt from the database on start.
    const search = await fetch(
      `${second.url}${ORGANIZATIONS}/search?query=Durable&page=1&pageSize=20`,
    );
    expect(search.status).toBe(200);
    const { results } = (await search.json()) as {
      results: { hits: { organization: OrganizationDto }[] };
    };
    expect(results.hits.map((hit) => hit.organization.id)).toContain(created.id);
  });

  it('shuts down on SIGTERM with exit code 0, keeping writes made just before', async () => {
    const server = await start();
    const before = await listAll(server);
    const victim = before.at(-1);
    if (!victim) throw new Error('The database holds no organization.');
    const createResponse = await fetch(`${server.url}${ORGANIZATIONS}`, {
      method: 'POST',
      headers: fromPage(server, { 'content-type': 'application/json' }),
      body: JSON.stringify({ name: 'Written just before SIGTERM' }),
    });
    expect(createResponse.status).toBe(201);
    const { organization } = (await createResponse.json()) as { organization: OrganizationDto };
    const deleted = await fetch(`${server.url}${ORGANIZATIONS}/${victim.id}`, {
      method: 'DELETE',
      headers: fromPage(server),
    });
    expect(deleted.status).toBe(200);

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('SIGTERM, shutting down');

    const restarted = await start();
    expect((await fetch(`${restarted.url}${ORGANIZATIONS}/${victim.id}`)).status).toBe(404);
    expect((await fetch(`${restarted.url}${ORGANIZATIONS}/${organization.id}`)).status).toBe(200);
    expect(await listAll(restarted)).toHaveLength(before.length);
  });

  it('refuses to start in upstream mode without a chatbot id, saying which variable is missing', async () => {
    const { code, output } = await runServerToExit({
      CHATCAPTAIN_API_URL: 'http://localhost:9',
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain('CHATCAPTAIN_CHATBOT_ID is required');
  });

  it('refuses to start over the real API without sign-in, saying what to set', async () => {
    const { code, output } = await runServerToExit({
      CHATCAPTAIN_API_URL: 'http://localhost:9',
      CHATCAPTAIN_CHATBOT_ID: 'demo',
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain('Over the real API the console needs sign-in: set OIDC_ISSUER');
    const exposed = await runServerToExit({
      CHATCAPTAIN_API_URL: 'http://localhost:9',
      CHATCAPTAIN_CHATBOT_ID: 'demo',
      CONSOLE_AUTH: 'off',
      HOST: '0.0.0.0',
      DATA_DIR: dataDir,
    });
    expect(exposed.code).toBe(1);
    expect(exposed.output).toContain(
      'CONSOLE_AUTH=off over the real API listens only on a loopback',
    );
  });
});
