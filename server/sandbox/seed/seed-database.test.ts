import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { call, ORGANIZATIONS_PATH, openTestSandbox } from '../test-support/sandbox-client.ts';

const run = promisify(execFile);
const directories: string[] = [];
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
  directories.push(dir);
  return dir;
}

async function firstPage(dataDir: string, seedOrganizations: number): Promise<unknown> {
  const test = openTestSandbox(seedOrganizations, dataDir);
  try {
    return (await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}?limit=250`)).body;
  } finally {
    test.sandbox.close();
  }
}

describe('seeding a sandbox', () => {
  it('gives two fresh sandboxes identical data, ids included', async () => {
    const first = await firstPage(temporaryDirectory(), 1200);
    const second = await firstPage(temporaryDirectory(), 1200);
    expect(second).toEqual(first);
  });

  it('seeds nothing when asked for 0', async () => {
    expect(await firstPage(temporaryDirectory(), 0)).toEqual({ organizations: [] });
  });
});

describe('seed CLI', () => {
  // Node with tsx's loader (what `npm run seed` amounts to), without npx's start-up per call.
  const cli = ['--import', 'tsx', 'server/sandbox/seed/cli.ts'];
  const node = process.execPath;

  it('seeds, refuses a non-empty database, and replaces it with --reset', async () => {
    const dataDir = temporaryDirectory();
    const seeded = await run(node, [...cli, '--organizations', '120', '--data-dir', dataDir]);
    expect(seeded.stdout).toMatch(
      /120 organizations, [\d,]+ contacts, [\d,]+ contact links in [\d.]+ s/,
    );

    const refused = await run(node, [...cli, '--organizations', '50', '--data-dir', dataDir]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('--reset');

    const reset = await run(node, [
      ...cli,
      '--organizations',
      '50',
      '--data-dir',
      dataDir,
      '--reset',
    ]);
    expect(reset.stdout).toContain('50 organizations');
    const page = (await firstPage(dataDir, 0)) as { organizations: unknown[] };
    expect(page.organizations).toHaveLength(50);
    // Three processes that each compile the seed on start: minutes on a loaded 2-core machine.
  }, 180_000);
});
