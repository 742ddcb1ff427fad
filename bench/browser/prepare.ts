// The steps before anything is measured: a production build and a seeded data directory, both in
// a temporary directory of the run (so a build running alongside, e.g. `npm test`, cannot swap
// files under the benchmark, and the project's own dist/ and .data/ stay as they are).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs `vite build` into `outDir`; returns how long it took in milliseconds. */
export function buildApp(root: string, outDir: string): number {
  const started = performance.now();
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  return performance.now() - started;
}

/** Seeds `organizations` organizations into `dataDir` with the seed CLI; returns milliseconds. */
export function seedOrganizations(root: string, dataDir: string, organizations: number): number {
  const started = performance.now();
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const cli = join(root, 'server', 'sandbox', 'seed', 'cli.ts');
  const result = spawnSync(
    tsx,
    [cli, '--organizations', String(organizations), '--data-dir', dataDir],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`seeding failed (exit ${result.status})`);
  return performance.now() - started;
}
