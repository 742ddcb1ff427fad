// Vitest harness: a real sandbox (server/sandbox) on a fresh temp directory, reached through a
// `fetch` shim that routes requests the way the console server does (server/console-app.ts:
// `/console/config`, and `/v1/*` with the configured key added). API and hook tests run against
// the same implementation as e2e and `npm start`, with no hand-written responses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxKeyOperations } from '../../server/api/key-operations.ts';
import { sandboxApiHandler } from '../../server/api-key.ts';
import { createConsoleApp } from '../../server/console-app.ts';
import { consoleAccess } from '../../server/pipeline/console-access.ts';
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../server/sandbox/api-keys.ts';
import type { Sandbox } from '../../server/sandbox/contract.ts';
import { createSandbox } from '../../server/sandbox/index.ts';

export {
  FULL_ACCESS_KEY,
  READ_ONLY_KEY,
  SANDBOX_CHATBOT_ID,
} from '../../server/sandbox/api-keys.ts';

export interface TestSandboxOptions {
  /** Organizations seeded into the empty database (default 0: tests create what they need). */
  seedOrganizations?: number;
  /** Added to requests without a key, as the console server does (default: full access). */
  key?: string;
}

export interface TestSandbox {
  /** A drop-in `fetch`: `vi.stubGlobal('fetch', sandbox.fetch)` or `configureApiClient({ fetch })`. */
  fetch: typeof fetch;
  /** The chatbot the sandbox keys belong to ("demo"). */
  chatbotId: string;
  sandbox: Sandbox;
  dataDir: string;
  /** Closes the database and deletes the temp directory. */
  close(): void;
}

// Relative URLs (the client's same-origin `/v1/...`) resolve against this outside a browser.
const FALLBACK_ORIGIN = 'http://console.test';

export function createTestSandbox(options: TestSandboxOptions = {}): TestSandbox {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-test-sandbox-'));
  const sandbox = createSandbox({ dataDir, seedOrganizations: options.seedOrganizations ?? 0 });
  const origin = new URL(globalThis.location?.href ?? FALLBACK_ORIGIN).origin;
  const app = createConsoleApp({
    mode: 'sandbox',
    defaultChatbotId: SANDBOX_CHATBOT_ID,
    api: sandboxApiHandler(sandbox.fetch, options.key ?? FULL_ACCESS_KEY),
    // No built SPA in unit tests: only the API and config routes matter here.
    distDir: join(dataDir, 'no-dist'),
    maxRequestBodyBytes: 1024 * 1024,
    // The console as the page's own origin, the way the browser meets it.
    access: consoleAccess(origin, 0),
    keyOperations: sandboxKeyOperations(options.key ?? FULL_ACCESS_KEY),
  });

  const shim = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const url = new URL(
      input instanceof Request ? input.url : String(input),
      globalThis.location?.href ?? FALLBACK_ORIGIN,
    );
    // The signal is not handed to `new Request`: under jsdom it comes from another realm and
    // Node's Request refuses it. The race below gives the caller the same abort behaviour.
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    // What the console's page sends with a change: the browser its Origin, src/api/client.ts the
    // console header (the same-origin rule itself is tested in server/contract/ and e2e/).
    if (method !== 'GET' && method !== 'HEAD') {
      if (!headers.has('origin')) headers.set('origin', url.origin);
      if (!headers.has('x-console-request')) headers.set('x-console-request', '1');
    }
    const request = new Request(url, { method, headers, body: init?.body ?? undefined });
    const response = Promise.resolve(app.fetch(request));
    if (!signal) return response;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  return {
    fetch: shim as typeof fetch,
    chatbotId: SANDBOX_CHATBOT_ID,
    sandbox,
    dataDir,
    close: () => {
      sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
