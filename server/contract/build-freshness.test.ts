import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonToBuild } from '../build-freshness.ts';

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

function write(path: string, seconds: number): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, path);
  utimesSync(full, at(seconds), at(seconds));
}

/** What `npm run build` writes that the freshness check reads: the pages and the server render. */
function writeBuild(seconds: number): void {
  write('dist/ssr/prerender.js', seconds);
  write('dist/lookup.html', seconds);
  write('dist/index.html', seconds);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'console-freshness-'));
  write('src/main.tsx', 10);
  write('src/pages/organizations/OrganizationsPage.tsx', 10);
  write('index.html', 10);
  write('package.json', 10);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('reasonToBuild (npm start)', () => {
  it('builds when dist/ is missing', () => {
    expect(reasonToBuild(root)).toBe('dist/ is missing');
  });

  it('builds when the build has no server render (a build older than it)', () => {
    write('dist/index.html', 20);
    expect(reasonToBuild(root)).toBe('the server render is missing');
  });

  it('builds when the build has no lookup page (a build of `npm start` before it built one)', () => {
    write('dist/index.html', 20);
    write('dist/ssr/prerender.js', 20);
    expect(reasonToBuild(root)).toBe('the lookup page is missing');
  });

  it('does not build when the build is newer than every source', () => {
    writeBuild(20);
    expect(reasonToBuild(root)).toBeUndefined();
  });

  it('rebuilds when a file deep in src/ changed after the build', () => {
    writeBuild(20);
    write('src/pages/organizations/OrganizationsPage.tsx', 30);
    expect(reasonToBuild(root)).toBe('src changed since the last build');
  });

  it('rebuilds when public/ or package.json changed after the build', () => {
    writeBuild(20);
    write('public/favicon.svg', 25);
    expect(reasonToBuild(root)).toBe('public changed since the last build');
    writeBuild(40);
    write('package.json', 50);
    expect(reasonToBuild(root)).toBe('package.json changed since the last build');
  });
});
