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
  // `npm run build`: the app, the lookup page (lookup.html, its own entry), then the server
  // render of the list and the lookup (src/prerender.tsx).
  for (const args of [['build'], ['build', '--mode', 'lookup'], ['build', '--ssr']]) {
    const build = spawnSync(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error(
        `Organizations Console: \`vite ${args.join(' ')}\` failed; see the output above.`,
      );
      process.exit(build.status ?? 1);
    }
  }
}

await import('./main.ts');
