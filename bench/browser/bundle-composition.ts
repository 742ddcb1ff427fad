// Which packages and source files fill each built chunk: the first thing to read when the JS
// budget is missed. Sizes are the chunk's gzip size shared out by each part's rendered
// (unminified) length: an estimate, but it names the parts worth moving.
import { gzipSync } from 'node:zlib';
import type { build } from 'vite';

type BuildResult = Awaited<ReturnType<typeof build>>;
type BuildOutput = Extract<BuildResult, { output: unknown }>;

export interface ChunkPart {
  /** An npm package (`react-dom`, `@mantine/core`) or a source file (`src/api/client.ts`). */
  name: string;
  /** Estimated gzip bytes of this part in the chunk. */
  gzipBytes: number;
}

/** The package a module id belongs to, or its path relative to `root` for the project's own. */
export function partOf(moduleId: string, root: string): string {
  const id = moduleId.replace(/^\0/, '').split('?')[0] as string;
  const marker = 'node_modules/';
  const at = id.lastIndexOf(marker);
  if (at >= 0) {
    const [scope, name] = id.slice(at + marker.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope as string);
  }
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/** For every JS chunk (by its file name, e.g. `assets/index-abc.js`), its parts, largest first. */
export function chunkCompositions(result: BuildResult, root: string): Map<string, ChunkPart[]> {
  const outputs = (Array.isArray(result) ? result : [result]).filter(
    (output): output is BuildOutput => 'output' in output,
  );
  const compositions = new Map<string, ChunkPart[]>();
  for (const file of outputs.flatMap((output) => output.output)) {
    if (file.type !== 'chunk') continue;
    const rendered = new Map<string, number>();
    for (const [id, module] of Object.entries(file.modules)) {
      const part = partOf(id, root);
      rendered.set(part, (rendered.get(part) ?? 0) + module.renderedLength);
    }
    const total = [...rendered.values()].reduce((sum, length) => sum + length, 0);
    const gzipBytes = gzipSync(file.code).length;
    compositions.set(
      file.fileName,
      [...rendered]
        .map(([name, length]) => ({
          name,
          gzipBytes: total === 0 ? 0 : (gzipBytes * length) / total,
        }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes),
    );
  }
  return compositions;
}
