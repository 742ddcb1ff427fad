// Starts the console server over a sandbox in a fresh temporary data directory, so every e2e run
// begins from the same seed. Removed again when the process exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'orgs-console-e2e-'));
process.env.DATA_DIR = dataDir;
delete process.env.CHATCAPTAIN_API_URL;
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(0));
}
await import('../server/main.ts');
