// `npm start`: builds the SPA when dist/ is missing or older than its sources, then starts the
// console server (which prints its URL).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Everything vite reads to build the SPA.
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** The latest modification time of a file or of any file below a directory (0 when absent). */
function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

const builtIndex = join(root, 'dist', 'index.html');
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesChangedAt = Math.max(...BUILD_INPUTS.map((input) => newestMtimeMs(join(root, input))));

if (builtAt < sourcesChangedAt) {
  console.log(
    builtAt === 0
      ? 'Building the console (dist/ is missing)…'
      : 'Rebuilding the console (sources changed)…',
  );
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Organizations Console: `vite build` failed; see the output above.');
    process.exit(build.status ?? 1);
  }
}

await import('./main.ts');
