import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serverRenderPath } from './page-html.ts';

/** Everything vite reads to build the SPA, relative to the project root. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'lookup.html',
  'vite.config.ts',
  'package.json',
];

/** The latest modification time of a file or of any file below a directory (0 when absent). */
export function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

/** Why `dist/` must be (re)built before serving, or undefined when it is up to date. */
export function reasonToBuild(root: string): string | undefined {
  const builtIndex = join(root, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return 'dist/ is missing';
  if (!existsSync(serverRenderPath(join(root, 'dist')))) return 'the server render is missing';
  if (!existsSync(join(root, 'dist', 'lookup.html'))) return 'the lookup page is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtimeMs(join(root, input)) > builtAt);
  return changed === undefined ? undefined : `${changed} changed since the last build`;
}
