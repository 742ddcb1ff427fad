// Inside src/lib, src/api and src/pages, one folder per domain (docs/ARCHITECTURE.md, "One folder
// per domain"), as in src/hooks (hooksFolder.test.ts) and src/components: a new domain's code has
// an obvious home, and nothing new lands at the top of a layer unnoticed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAINS = ['organizations', 'search', 'lookup', 'session', 'audit', 'cleanup', 'shell'];

const LAYERS = [
  /** Pure logic: what no one domain owns goes in shared/. */
  { layer: 'lib', folders: [...DOMAINS, 'shared'], atTop: [] },
  /** The API's calls: only the client core and the contract sit at the top. */
  {
    layer: 'api',
    folders: DOMAINS,
    atTop: [
      'client.ts',
      'download.ts',
      'openapi.json',
      'permissions.ts',
      'schema.gen.ts',
      'schemas.ts',
      'types.ts',
      'validate.ts',
    ],
  },
  /** Pages: the layout, error boundary and not-found page are the shell domain's. */
  { layer: 'pages', folders: DOMAINS, atTop: [] },
];

describe.each(LAYERS)('src/$layer', ({ layer, folders, atTop }) => {
  const entries = readdirSync(join(process.cwd(), 'src', layer), { withFileTypes: true });

  it('has folders only for its domains', () => {
    const found = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(found.length).toBeGreaterThan(3);
    for (const folder of found) expect(folders).toContain(folder);
  });

  it('keeps every module in its domain’s folder, none at the top but the named ones', () => {
    const modules = entries
      .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
      .map((entry) => entry.name);
    expect(modules.sort()).toEqual(atTop);
  });
});
