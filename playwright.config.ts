import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { assertReachablePorts } from './e2e/refused-ports.ts';

// Debian's Chromium where it is installed (Playwright cannot download its own browser here);
// CHROMIUM_PATH overrides; elsewhere Playwright's own browser.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env.E2E_PORT ?? 4180);
// A second console over a read-only key, for e2e/readonly.spec.ts (READONLY_E2E_PORT, default E2E_PORT + 1).
const readonlyPort = Number(process.env.READONLY_E2E_PORT ?? port + 1);
// A console of its own for e2e/data-quality.spec.ts (DATA_QUALITY_E2E_PORT, default E2E_PORT + 20):
// its scan counts must not move with the records other specs create and edit meanwhile.
const dataQualityPort = Number(process.env.DATA_QUALITY_E2E_PORT ?? port + 20);
// A console of its own for e2e/bulk-actions.spec.ts (BULK_E2E_PORT, default E2E_PORT + 24): its
// bulk jobs change records that the data-quality spec counts.
const bulkPort = Number(process.env.BULK_E2E_PORT ?? port + 24);
// And one for e2e/merge-duplicates.spec.ts (MERGE_E2E_PORT, default E2E_PORT + 21): its merges
// delete records, which would move the other specs' counts.
const mergePort = Number(process.env.MERGE_E2E_PORT ?? port + 21);
// And one for e2e/selection.spec.ts (SELECTION_E2E_PORT, default E2E_PORT + 25): its bulk actions
// and the organizations it creates would move the other specs' counts.
const selectionPort = Number(process.env.SELECTION_E2E_PORT ?? port + 25);

// The ports the specs serve on by default, relative to E2E_PORT (README, "Testing"); the embed
// sign-in spec's provider and chat tool take OS-chosen ports, so + 10 and + 11 are unused.
const SPEC_PORT_OFFSETS = [2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17];
assertReachablePorts({
  E2E_PORT: port,
  READONLY_E2E_PORT: readonlyPort,
  DATA_QUALITY_E2E_PORT: dataQualityPort,
  BULK_E2E_PORT: bulkPort,
  MERGE_E2E_PORT: mergePort,
  SELECTION_E2E_PORT: selectionPort,
  ...Object.fromEntries(SPEC_PORT_OFFSETS.map((offset) => [`E2E_PORT + ${offset}`, port + offset])),
});

/** A console server over a sandbox in a fresh temporary data directory (e2e/serve.ts). */
function consoleServer(serverPort: number, env: Record<string, string> = {}) {
  return {
    command: 'tsx e2e/serve.ts',
    // Warnings and errors only: a line for every request the tests make would bury the report.
    env: { PORT: String(serverPort), LOG_LEVEL: 'warn', ...env },
    url: `http://localhost:${serverPort}/console/config`,
    // Building the search index over the seed on a loaded 2-core machine.
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM, not Playwright's default SIGKILL: e2e/serve.ts then removes its data directory.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'e2e',
  // Only specs: e2e/*.test.ts are Vitest's tests of the e2e support code.
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  // Sized for a loaded 2-core CI machine (axe scans and first loads there take several times
  // what they take on an idle one); a test that needs more says so with test.setTimeout.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    // The console every spec but readonly.spec.ts uses, seeded as `npm start` is.
    consoleServer(port),
    consoleServer(readonlyPort, {
      CHATCAPTAIN_API_KEY: 'sandbox-read-only',
      SEED_ORGANIZATIONS: '500',
    }),
    consoleServer(dataQualityPort, { SEED_ORGANIZATIONS: '1500' }),
    consoleServer(bulkPort, { SEED_ORGANIZATIONS: '300' }),
    consoleServer(mergePort, { SEED_ORGANIZATIONS: '300' }),
    consoleServer(selectionPort, { SEED_ORGANIZATIONS: '300' }),
  ],
});
