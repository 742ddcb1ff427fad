import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  ConfigProblems,
  integerSetting,
  nonEmpty,
  optionalIntegerSetting,
  type Environment,
} from './settings.ts';
import { loadAuthConfig, type AuthConfig } from './auth/auth-config.ts';
import { isLoopbackOrigin, parseEmbedAllowedOrigins } from './embed/embed-config.ts';
import { logLevelSetting } from './ops/logger.ts';
import { DEFAULT_START_DATA_TIMEOUT_MS } from './page-html.ts';
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from './sandbox/api-keys.ts';
import { DEFAULT_POOL_SIZE, loadStoreConfig, type StoreConfig } from './store/store-config.ts';

export const DEFAULT_PORT = 4173;
/** Loopback only: nobody else on the network reaches the console (and the key) unless HOST says so. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.data';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
/** How long the audit trail keeps an entry: a year of "who changed this?" answers. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/** Request bodies above this are refused with 413: an organization is a few kilobytes. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
/**
 * The upstream's answer, as received (compressed or not) and once decompressed: a list page of 250
 * or an organization's contacts is well below; a runaway or hostile upstream is cut off at 502.
 */
export const DEFAULT_UPSTREAM_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_UPSTREAM_MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

/** The built SPA, beside `server/` (not relative to the working directory). */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export interface SandboxBackendConfig {
  mode: 'sandbox';
  dataDir: string;
  /** Organizations to seed into an empty database; undefined: the sandbox's default (5,000). */
  seedOrganizations: number | undefined;
  /** Added to API requests that carry no key of their own. */
  apiKey: string;
}

export interface UpstreamBackendConfig {
  mode: 'upstream';
  /** Base URL of the ChatCaptain API, e.g. https://api.chatcaptain.com (no trailing slash). */
  baseUrl: string;
  /** Added to API requests that carry no key of their own; a secret that never leaves the server. */
  apiKey: string | undefined;
  timeoutMs: number;
  /** Most bytes of an answer as received; beyond, 502 (the rest is not read). */
  maxResponseBytes: number;
  /** Most bytes of an answer once decompressed (a gzip bomb stops here); beyond, 502. */
  maxDecompressedBytes: number;
}

export type BackendConfig = SandboxBackendConfig | UpstreamBackendConfig;

export interface ConsoleConfig {
  port: number;
  /** Interface to listen on: loopback (127.0.0.1) unless HOST is set. */
  host: string;
  /**
   * Where people open the console (CONSOLE_URL, an origin such as https://console.example.com);
   * undefined in local mode, where the console answers only to loopback names (localhost,
   * 127.0.0.1, [::1]) on its port.
   */
  consoleUrl: string | undefined;
  distDir: string;
  /** The chatbot the console opens on (`GET /console/config`). */
  defaultChatbotId: string;
  maxRequestBodyBytes: number;
  /** How long a page waits for its first data from the API before it is sent without (0: never). */
  startDataTimeoutMs: number;
  backend: BackendConfig;
  /** Sign-in: off (local mode), an OpenID provider, or the built-in demo provider. */
  auth: AuthConfig;
  /** The console's own store: SQLite under the data directory, or PostgreSQL. */
  store: StoreConfig & { dataDir: string };
  /** Audit entries older than this many days are deleted (at start, then daily). */
  auditRetentionDays: number;
  /** Bearer token that lets a scraper read /metrics from anywhere; undefined: this machine only. */
  metricsToken: string | undefined;
  /**
   * EMBED_ALLOWED_ORIGINS: the origins whose pages may frame the lookup page and send it a
   * conversation's contact (server/embed/); empty: no site may frame any page of the console.
   */
  embedAllowedOrigins: readonly string[];
}

/** A token anyone could guess would open /metrics to everyone. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

export { ConfigError };

/**
 * Reads the console's configuration from environment variables (see the README's table). Every
 * bad variable is named, at once, in one ConfigError (one sentence each).
 */
export function loadConfig(env: Environment): ConsoleConfig {
  const problems = new ConfigProblems();
  const base = loadServerConfig(env, problems);
  const config: ConsoleConfig = {
    ...base,
    auth: problems.read(
      () =>
        loadAuthConfig(env, {
          backend: base.backend.mode,
          host: base.host,
          consoleUrl: base.consoleUrl,
        }),
      { mode: 'off' },
    ),
    store: {
      ...problems.read(() => loadStoreConfig(env), {
        databaseUrl: undefined,
        poolSize: DEFAULT_POOL_SIZE,
      }),
      dataDir: resolve(nonEmpty(env.DATA_DIR) ?? DEFAULT_DATA_DIR),
    },
    auditRetentionDays: problems.read(
      () => integerSetting(env, 'AUDIT_RETENTION_DAYS', DEFAULT_AUDIT_RETENTION_DAYS, 1, 36_500),
      DEFAULT_AUDIT_RETENTION_DAYS,
    ),
    metricsToken: problems.read(() => metricsToken(env), undefined),
    embedAllowedOrigins: problems.read(() => parseEmbedAllowedOrigins(env), []),
  };
  if (
    config.embedAllowedOrigins.length > 0 &&
    config.consoleUrl !== undefined &&
    config.consoleUrl.startsWith('http:') &&
    !isLoopbackOrigin(config.consoleUrl)
  ) {
    problems.add(
      'EMBED_ALLOWED_ORIGINS needs the console on https (CONSOLE_URL): a framed page keeps its ' +
        'session only in a SameSite=None cookie, which browsers accept only when Secure.',
    );
  }
  if (logLevelSetting(env.LOG_LEVEL) === undefined) {
    problems.add(`LOG_LEVEL must be info, warn or error (got "${env.LOG_LEVEL}").`);
  }
  problems.throwIfAny();
  return config;
}

/**
 * Only where the organizations come from (the sandbox or the real API, its key and chatbot):
 * `npm run check:api` checks the connection without the sign-in, store and metrics settings a
 * running console also needs.
 */
export function loadBackendConfig(
  env: Environment,
): Pick<ConsoleConfig, 'backend' | 'defaultChatbotId'> {
  const problems = new ConfigProblems();
  const { backend, defaultChatbotId } = loadServerConfig(env, problems);
  problems.throwIfAny();
  return { backend, defaultChatbotId };
}

function metricsToken(env: Environment): string | undefined {
  const token = nonEmpty(env.METRICS_TOKEN);
  if (token !== undefined && (token.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(token))) {
    // Never echo the value: it is a secret.
    throw new ConfigError(
      `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces ` +
        '(e.g. `openssl rand -hex 32`); a short one opens /metrics to anyone who guesses it.',
    );
  }
  return token;
}

type ServerConfig = Omit<
  ConsoleConfig,
  'auth' | 'store' | 'auditRetentionDays' | 'metricsToken' | 'embedAllowedOrigins'
>;

function loadServerConfig(env: Environment, problems: ConfigProblems): ServerConfig {
  const upstreamUrl = nonEmpty(env.CHATCAPTAIN_API_URL);
  const apiKey = nonEmpty(env.CHATCAPTAIN_API_KEY);
  const common = {
    port: problems.read(() => integerSetting(env, 'PORT', DEFAULT_PORT, 0, 65_535), DEFAULT_PORT),
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    consoleUrl: problems.read(() => optionalConsoleUrl(nonEmpty(env.CONSOLE_URL)), undefined),
    distDir: DEFAULT_DIST_DIR,
    maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
    startDataTimeoutMs: problems.read(
      () => integerSetting(env, 'START_DATA_TIMEOUT_MS', DEFAULT_START_DATA_TIMEOUT_MS, 0, 60_000),
      DEFAULT_START_DATA_TIMEOUT_MS,
    ),
  };

  if (upstreamUrl === undefined) {
    return {
      ...common,
      defaultChatbotId: SANDBOX_CHATBOT_ID,
      backend: {
        mode: 'sandbox',
        dataDir: resolve(nonEmpty(env.DATA_DIR) ?? DEFAULT_DATA_DIR),
        seedOrganizations: problems.read(
          () => optionalIntegerSetting(env, 'SEED_ORGANIZATIONS', 0, 10_000_000),
          undefined,
        ),
        apiKey: apiKey ?? FULL_ACCESS_KEY,
      },
    };
  }

  const chatbotId = nonEmpty(env.CHATCAPTAIN_CHATBOT_ID);
  if (chatbotId === undefined) {
    problems.add(
      'CHATCAPTAIN_CHATBOT_ID is required when CHATCAPTAIN_API_URL is set: ' +
        'the id of the chatbot whose organizations the console shows.',
    );
  }
  const bytes = (name: string, fallback: number) =>
    problems.read(() => integerSetting(env, name, fallback, 1024, 1024 * 1024 * 1024), fallback);
  return {
    ...common,
    defaultChatbotId: chatbotId ?? '',
    backend: {
      mode: 'upstream',
      baseUrl: problems.read(() => parseBaseUrl(upstreamUrl), upstreamUrl),
      apiKey,
      timeoutMs: problems.read(
        () =>
          integerSetting(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, 1, 10 * 60_000),
        DEFAULT_UPSTREAM_TIMEOUT_MS,
      ),
      maxResponseBytes: bytes('UPSTREAM_MAX_RESPONSE_BYTES', DEFAULT_UPSTREAM_MAX_RESPONSE_BYTES),
      maxDecompressedBytes: bytes(
        'UPSTREAM_MAX_DECOMPRESSED_BYTES',
        DEFAULT_UPSTREAM_MAX_DECOMPRESSED_BYTES,
      ),
    },
  };
}

/** CONSOLE_URL as an origin (scheme, host and port), or undefined when unset. */
function optionalConsoleUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const problem = `CONSOLE_URL must be the http(s) address people open the console at, such as https://console.example.com (got "${text}")`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${problem}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${problem}.`);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${problem}: no user name, password, query or fragment.`);
  }
  // The console is served at the root of its origin: every path it answers starts there.
  if (url.pathname !== '/') throw new ConfigError(`${problem}: no path.`);
  return url.origin;
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`CHATCAPTAIN_API_URL must be an http(s) URL (got "${text}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`CHATCAPTAIN_API_URL must be an http(s) URL (got "${text}").`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('CHATCAPTAIN_API_URL must not carry a query or a fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

/** The upstream URL as it may be logged: without any credentials written into it. */
export function describeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  return url.href.replace(/\/+$/, '');
}
