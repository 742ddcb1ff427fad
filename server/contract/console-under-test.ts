// The console app over a real sandbox in a fresh temporary directory, called in-process.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { sandboxApiHandler } from '../api-key.ts';
import { MAX_REQUEST_BODY_BYTES } from '../config.ts';
import { createConsoleApp } from '../console-app.ts';
import { consoleAccess, type ConsoleAccess } from '../pipeline/console-access.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { Sandbox } from '../sandbox/contract.ts';
import { createSandbox } from '../sandbox/index.ts';
import type { OrganizationDto } from '../sandbox/types.ts';

export const FULL_ACCESS_KEY = 'sandbox-full-access';
export const READ_ONLY_KEY = 'sandbox-read-only';
export const CHATBOT = '/v1/chatbots/demo';
export const ORGANIZATIONS = `${CHATBOT}/organizations`;

/**
 * `app.request('/path')` asks for http://localhost/path: the console under test is that origin,
 * and its page's requests carry what a browser and src/api/client.ts add to a change.
 */
export const CONSOLE_ORIGIN = 'http://localhost';
export const TEST_ACCESS: ConsoleAccess = consoleAccess(CONSOLE_ORIGIN, 0);
export const FROM_CONSOLE_PAGE = { origin: CONSOLE_ORIGIN, 'x-console-request': '1' } as const;

export interface ConsoleUnderTest {
  app: Hono<ConsoleEnv>;
  sandbox: Sandbox;
  /** The sandbox directly, with no key added: for authentication cases. */
  sandboxRequest(path: string, init?: RequestInit): Promise<Response>;
  /** Where the test may put a built SPA (`dist/`, initially empty). */
  distDir: string;
  close(): void;
}

export function startConsoleUnderTest(seedOrganizations: number): ConsoleUnderTest {
  const root = mkdtempSync(join(tmpdir(), 'console-contract-'));
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  const sandbox = createSandbox({ dataDir: join(root, 'data'), seedOrganizations });
  const app = createConsoleApp({
    mode: 'sandbox',
    defaultChatbotId: 'demo',
    api: sandboxApiHandler(sandbox.fetch, FULL_ACCESS_KEY),
    distDir,
    maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
    access: TEST_ACCESS,
  });
  return {
    app,
    sandbox,
    sandboxRequest: (path, init) => sandbox.fetch(new Request(`http://sandbox.test${path}`, init)),
    distDir,
    close: () => {
      sandbox.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A JSON request body with its content type, sent as the console's own page sends it. */
export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { 'content-type': 'application/json', ...FROM_CONSOLE_PAGE, ...headers },
    body: JSON.stringify(body),
  };
}

/** Status and parsed JSON body of a response (every API response is JSON). */
export async function readJson(response: Response): Promise<{ status: number; body: unknown }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: await response.json() };
}

/** Every organization of the chatbot (up to 250), as the console lists them. */
export async function allOrganizations(subject: ConsoleUnderTest): Promise<OrganizationDto[]> {
  const response = await subject.app.request(`${ORGANIZATIONS}?limit=250`);
  return ((await response.json()) as { organizations: OrganizationDto[] }).organizations;
}

/** Sends the request; expects a JSON `error` matching `error` with `status`, and no change. */
export async function expectRefusedChangingNothing(
  subject: ConsoleUnderTest,
  path: string,
  init: RequestInit,
  status: number,
  error: string | RegExp,
): Promise<void> {
  const before = await allOrganizations(subject);
  const answer = await readJson(await subject.app.request(path, init));
  expect(answer.status).toBe(status);
  const message = (answer.body as { error: string }).error;
  if (typeof error === 'string') expect(message).toBe(error);
  else expect(message).toMatch(error);
  expect(await allOrganizations(subject)).toEqual(before);
}
