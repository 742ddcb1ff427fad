// For tests: the console app in-process over a real sandbox and a real store (SQLite in a fresh
// temporary directory), with sign-in through the real demo provider on a free port — the same
// pieces server/main.ts puts together, with a clock the test moves and every log line kept.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { sandboxApiHandler } from '../../api-key.ts';
import type { ConsoleRole } from '../../api/roles.ts';
import { MAX_REQUEST_BODY_BYTES } from '../../config.ts';
import { createConsoleApp } from '../../console-app.ts';
import { consoleAccess } from '../../pipeline/console-access.ts';
import type { ConsoleEnv } from '../../pipeline/console-env.ts';
import { FULL_ACCESS_KEY } from '../../sandbox/api-keys.ts';
import type { Sandbox } from '../../sandbox/contract.ts';
import { createSandbox } from '../../sandbox/index.ts';
import { openConsoleStore, type ConsoleStore } from '../../store/index.ts';
import type { SessionTimeouts } from '../auth-config.ts';
import type { ConsoleAuth, TeamAccess } from '../console-auth.ts';
import type { DemoProvider } from '../demo-provider/demo-provider.ts';
import { DEMO_ROLE_GROUPS } from '../demo-provider/demo-users.ts';
import { cookieName, cookiePolicy, SESSION_COOKIE } from '../session-cookie.ts';
import { startDemoSignIn } from '../start-auth.ts';
import { BrowserClient } from './browser-client.ts';

export interface ConsoleWithSignIn {
  app: Hono<ConsoleEnv>;
  store: ConsoleStore;
  sandbox: Sandbox;
  provider: DemoProvider;
  /** The console's origin (what `app.request` paths resolve against). */
  origin: string;
  /** Where the test may put a built SPA (`dist/`, initially empty). */
  distDir: string;
  /** Every line the console logged (its `log`, and console.log/error while it ran). */
  logs: string[];
  clock: { now: number };
  /**
   * The same sandbox behind a console without sign-in: in local mode over the same store
   * (`audit: true`), or without a store at all, as tests of the API alone build it.
   */
  appWithoutSignIn(options: { audit: boolean }): Hono<ConsoleEnv>;
  /** A browser-like client of this console and its provider. */
  browser(): BrowserClient;
  /** A session made directly in the store, and the Cookie header that carries it. */
  sessionCookie(role: ConsoleRole, who?: { subject: string; email: string }): Promise<string>;
  close(): Promise<void>;
}

export const TEST_TIMEOUTS: SessionTimeouts = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 8 * 60 * 60_000,
};

export interface ConsoleWithSignInOptions {
  /** CONSOLE_URL; undefined: local mode's loopback names on `localPort`. */
  origin?: string;
  localPort?: number;
  seedOrganizations?: number;
  sessions?: SessionTimeouts;
  /** The store on the test's clock; default: SQLite in the temporary directory. */
  openStore?: (now: () => number) => Promise<ConsoleStore>;
  /** EMBED_ALLOWED_ORIGINS: who may frame the lookup page (and the cookie's SameSite=None). */
  embedAllowedOrigins?: readonly string[];
}

export async function startConsoleWithSignIn(
  options: ConsoleWithSignInOptions = {},
): Promise<ConsoleWithSignIn> {
  const access =
    options.localPort === undefined
      ? consoleAccess(options.origin ?? 'http://localhost', 0)
      : consoleAccess(undefined, options.localPort);
  const origin = access.url;
  const root = mkdtempSync(join(tmpdir(), 'console-sign-in-'));
  mkdirSync(join(root, 'dist'));
  const clock = { now: Date.now() };
  const logs: string[] = [];
  const sandbox = createSandbox({
    dataDir: join(root, 'sandbox'),
    seedOrganizations: options.seedOrganizations ?? 0,
  });
  const now = () => clock.now;
  const store = await (options.openStore?.(now) ??
    openConsoleStore({ dataDir: join(root, 'store'), now }));
  const { provider, relyingParty } = await startDemoSignIn('127.0.0.1', 0, access.url);
  const sessions = options.sessions ?? TEST_TIMEOUTS;
  const auth: ConsoleAuth = {
    mode: 'demo',
    relyingParty,
    roles: {
      claim: 'groups',
      groups: DEMO_ROLE_GROUPS,
      emails: { admin: [], agent: [], viewer: [] },
    },
    sessions,
    cookies: cookiePolicy(origin, (options.embedAllowedOrigins?.length ?? 0) > 0),
  };
  const appWith = (team: TeamAccess | undefined) =>
    createConsoleApp({
      mode: 'sandbox',
      defaultChatbotId: 'demo',
      api: sandboxApiHandler(sandbox.fetch, FULL_ACCESS_KEY),
      distDir: join(root, 'dist'),
      maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
      access,
      team,
      embedAllowedOrigins: options.embedAllowedOrigins,
    });
  const app = appWith({ auth, store, now, log: (line) => logs.push(line) });
  let count = 0;
  return {
    app,
    store,
    sandbox,
    provider,
    origin,
    distDir: join(root, 'dist'),
    logs,
    clock,
    appWithoutSignIn: ({ audit }) =>
      appWith(
        audit ? { auth: { mode: 'local' }, store, now, log: (line) => logs.push(line) } : undefined,
      ),
    browser: () =>
      new BrowserClient({
        origin: access.url,
        origins: [...access.origins],
        fetch: async (request) => app.fetch(request),
      }),
    async sessionCookie(role, who) {
      count += 1;
      const { id } = await store.sessions.create({
        subject: who?.subject ?? `test-${role}-${count}`,
        email: who?.email ?? `${role}${count}@example.test`,
        name: `Test ${role}`,
        role,
        idToken: null,
        ...sessions,
      });
      return `${cookieName(auth.cookies, SESSION_COOKIE)}=${id}`;
    },
    async close() {
      await provider.close();
      await store.close();
      sandbox.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
