// `npm start`: builds the SPA when dist/ is missing or older than its sources, then starts the
// console server (which prints its URL).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reasonToBuild } from './build-freshness.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const reason = reasonToBuild(root);
if (reason !== undefined) {
  console.log(`Building the console (${reason})…`);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Organizations Console: `vite build` failed; see the output above.');
    process.exit(build.status ?? 1);
  }
}

await import('./main.ts');
