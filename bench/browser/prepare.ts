// The steps before anything is measured: a production build and a seeded data directory, both in
// a temporary directory of the run (so a build running alongside, e.g. `npm test`, cannot swap
// files under the benchmark, and the project's own dist/ and .data/ stay as they are).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { chunkCompositions, type ChunkPart } from './bundle-composition.ts';

/**
 * Runs the production build (vite.config.ts) into `outDir`, with the server render in `ssr/`
 * (`npm run build`), and says what each chunk of the app holds.
 */
export async function buildApp(
  root: string,
  outDir: string,
): Promise<{ ms: number; chunks: Map<string, ChunkPart[]> }> {
  const started = performance.now();
  const result = await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  await build({
    root,
    logLevel: 'warn',
    build: { ssr: true, outDir: join(outDir, 'ssr') },
  });
  return { ms: performance.now() - started, chunks: chunkCompositions(result, root) };
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
