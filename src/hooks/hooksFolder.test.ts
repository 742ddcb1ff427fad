// src/hooks holds hooks (docs/ARCHITECTURE.md): every module there is named for a hook and
// exports one. Query keys and fetchers live in queries/; logic without React in src/lib.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const HOOKS_DIR = join(process.cwd(), 'src', 'hooks');

const modules = readdirSync(HOOKS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => entry.name)
  .filter((name) => !/\.test\.tsx?$/.test(name));

describe('src/hooks', () => {
  it('has modules to check', () => {
    expect(modules.length).toBeGreaterThan(10);
  });

  it.each(modules)('%s is named for a hook and exports one', (name) => {
    expect(name).toMatch(/^use[A-Z]\w*\.tsx?$/);
    const source = readFileSync(join(HOOKS_DIR, name), 'utf8');
    expect(source).toMatch(/^export (function|const) use[A-Z]/m);
  });

  it('has no folder but queries/ (the key factory and typed cache updates)', () => {
    const folders = readdirSync(HOOKS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders).toEqual(['queries']);
  });
});
