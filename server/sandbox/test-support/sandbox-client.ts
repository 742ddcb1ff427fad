import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FULL_ACCESS_KEY } from '../api-keys.ts';
import type { Sandbox } from '../contract.ts';
import { createSandbox } from '../index.ts';

export const ORGANIZATIONS_PATH = '/v1/chatbots/demo/organizations';

export interface TestSandbox {
  sandbox: Sandbox;
  dataDir: string;
  /** Closes the sandbox and deletes its data directory. */
  dispose(): void;
}

/** A sandbox on a fresh temporary data directory (0 organizations unless asked for a seed). */
export function openTestSandbox(seedOrganizations = 0, dataDir?: string): TestSandbox {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  const sandbox = createSandbox({ dataDir: dir, seedOrganizations });
  return {
    sandbox,
    dataDir: dir,
    dispose() {
      sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  /** Sent as JSON unless it is a string, which is sent as it is. */
  body?: unknown;
  /** The `x-chatcaptain-key` header; null sends none. Default: the full-access key. */
  key?: string | null;
}

export interface CallResult {
  status: number;
  // The tests read whatever the sandbox answered and assert on it; the shape is what is tested.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One request through the sandbox's fetch handler, in process, as a client would send it. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers = new Headers();
  const key = options.key === undefined ? FULL_ACCESS_KEY : options.key;
  if (key !== null) headers.set('x-chatcaptain-key', key);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await sandbox.fetch(
    new Request(`http://sandbox${path}`, { method, headers, body }),
  );
  expectJson(response);
  return { status: response.status, body: await response.json() };
}

function expectJson(response: Response): void {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    throw new Error(`expected a JSON response, got "${type}" (${response.status})`);
  }
}
