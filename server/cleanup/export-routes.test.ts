// The CSV export of a search and of a selection through the console app: a seeded sandbox with
// organizations named by the hostile strings; each file read back by a CSV parser has the BOM,
// one row per organization, the strings intact and no cell a spreadsheet would run; bad input is
// a 400 that says what is wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json';
import { sandboxApiHandler } from '../api-key.ts';
import { createConsoleApp } from '../console-app.ts';
import { consoleAccess } from '../pipeline/console-access.ts';
import { createSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/contract.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import { exceedsCharacters, FIELD_LIMITS } from '../sandbox/validation/field-limits.ts';
import type { ConsoleStore } from '../store/index.ts';
import { openConsoleStore } from '../store/open-console-store.ts';
import { CSV_BOM } from './csv.ts';
import { ORGANIZATION_COLUMNS } from './exports.ts';

const ORIGIN = 'http://localhost';
const PAGE = { origin: ORIGIN, 'x-console-request': '1', 'content-type': 'application/json' };
const EXPORT = '/console/chatbots/demo/exports/organizations.csv';
const MARKER = 'Qxhostilezq';
const FORMULA_START = /^[=+\-@\t\r]/;

let root: string;
let sandbox: Sandbox;
let store: ConsoleStore;
let app: ReturnType<typeof createConsoleApp>;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'console-export-test-'));
  sandbox = createSandbox({ dataDir: root, seedOrganizations: 40 });
  store = await openConsoleStore({ dataDir: join(root, 'store') });
  app = createConsoleApp({
    mode: 'sandbox',
    defaultChatbotId: 'demo',
    api: sandboxApiHandler(sandbox.fetch, 'sandbox-full-access'),
    distDir: join(root, 'no-dist'),
    maxRequestBodyBytes: 1024 * 1024,
    access: consoleAccess(ORIGIN, 0),
    team: { auth: { mode: 'local' }, store, now: Date.now, log: () => {} },
  });
});
afterEach(async () => {
  await store.close();
  sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

const hostile = (hostileStrings as string[]).filter(
  (text) => text.trim() !== '' && !exceedsCharacters(text, FIELD_LIMITS.name),
);

async function createHostile(): Promise<OrganizationDto[]> {
  const created: OrganizationDto[] = [];
  for (const text of hostile) {
    const response = await app.request('/v1/chatbots/demo/organizations', {
      method: 'POST',
      headers: PAGE,
      body: JSON.stringify({ name: text, industry: MARKER, address: { location: text } }),
    });
    expect(response.status).toBe(201);
    created.push(((await response.json()) as { organization: OrganizationDto }).organization);
  }
  return created;
}

async function exportOf(body: unknown, headers: Record<string, string> = PAGE) {
  const response = await app.request(EXPORT, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
}

function readBack(text: string): Record<string, string>[] {
  expect(text.startsWith(CSV_BOM + ORGANIZATION_COLUMNS.join(',') + '\r\n')).toBe(true);
  const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
  }
  return rows;
}

/** What a cell holds for a stored text: U+0000 dropped, a formula start neutralised. */
function exported(text: string): string {
  // eslint-disable-next-line no-control-regex -- U+0000 is what the export drops
  const kept = text.replace(/\u0000/g, '');
  return FORMULA_START.test(kept) ? `'${kept}` : kept;
}

describe('export of a search or a selection', () => {
  it('exports every organization a search finds, hostile strings intact', async () => {
    const created = await createHostile();
    const answer = await exportOf({ target: { kind: 'search', query: MARKER } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('x-expected-rows')).toBe(String(created.length));
    const rows = readBack(answer.text);
    expect(rows).toHaveLength(created.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const organization of created) {
      const row = byId.get(organization.id);
      expect(row?.name).toBe(exported(organization.name));
      expect(row?.location).toBe(exported(organization.address?.location ?? ''));
      expect(row?.industry).toBe(MARKER);
    }
  });

  it('exports a selection in the order given; an id no longer there is left out', async () => {
    const created = await createHostile();
    const chosen = [...created].reverse().slice(0, 12);
    const ids = [...chosen.map((o) => o.id), 'no-such-organization'];
    const answer = await exportOf({ target: { kind: 'selection', ids } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-expected-rows')).toBe(String(ids.length));
    const rows = readBack(answer.text);
    expect(rows.map((row) => row.id)).toEqual(chosen.map((o) => o.id));
    expect(rows.map((row) => row.name)).toEqual(chosen.map((o) => exported(o.name)));
  });

  it('refuses bad input with a 400 that says what is wrong, and another origin with a 403', async () => {
    const cases: [unknown, RegExp][] = [
      ['not json', /JSON object/],
      [{}, /target must be an object/],
      [{ target: { kind: 'everything' } }, /target.kind must be/],
      [{ target: { kind: 'search', query: '   ' } }, /Give the search/],
      [{ target: { kind: 'selection', ids: [] } }, /at least one/],
      [{ target: { kind: 'selection', ids: ['ok', 7] } }, /organization id/],
      [{ target: { kind: 'selection', ids: ['bad\u0000id'] } }, /organization id/],
      [{ target: { kind: 'check', check: 'invalidEmail' } }, /findings\.csv/],
    ];
    for (const [body, message] of cases) {
      const answer = await exportOf(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((JSON.parse(answer.text) as { error: string }).error).toMatch(message);
    }
    const foreign = await exportOf(
      { target: { kind: 'search', query: MARKER } },
      { ...PAGE, origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
  });
});
