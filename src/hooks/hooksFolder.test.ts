// src/hooks holds hooks (docs/ARCHITECTURE.md): every module there is named for a hook and
// exports one, in a folder per domain. Query keys and fetchers live in queries/; logic without React in src/lib.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const HOOKS_DIR = join(process.cwd(), 'src', 'hooks');
/** The key factory and typed cache updates: modules that are not hooks. */
const QUERIES = 'queries';
const DOMAINS = ['organizations', 'search', 'lookup', 'session', 'audit', 'cleanup', 'shell'];

function modulesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === QUERIES ? [] : modulesIn(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const modules = modulesIn(HOOKS_DIR).map((path) => relative(HOOKS_DIR, path));

describe('src/hooks', () => {
  it('has modules to check', () => {
    expect(modules.length).toBeGreaterThan(10);
  });

  it.each(modules)('%s is named for a hook and exports one', (name) => {
    expect(name).toMatch(/(^|\/)use[A-Z]\w*\.tsx?$/);
    const source = readFileSync(join(HOOKS_DIR, name), 'utf8');
    expect(source).toMatch(/^export (function|const) use[A-Z]/m);
  });

  it('has folders only for queries/ and its domains', () => {
    const folders = readdirSync(HOOKS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const folder of folders) expect([QUERIES, ...DOMAINS]).toContain(folder);
    expect(folders).toContain(QUERIES);
  });

  it('keeps every hook in its domain’s folder, none at the top', () => {
    expect(modules.filter((name) => !name.includes('/'))).toEqual([]);
  });
});
