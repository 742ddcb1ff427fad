import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_START_DATA_TIMEOUT_MS } from './page-html.ts';
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from './sandbox/api-keys.ts';

export const DEFAULT_PORT = 4173;
/** Loopback only: nobody else on the network reaches the console (and the key) unless HOST says so. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.data';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;

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
}

/** A setting that makes the server unable to start; the message says which and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads the console's configuration from environment variables (see the README's table). */
export function loadConfig(env: Environment): ConsoleConfig {
  const upstreamUrl = nonEmpty(env.CHATCAPTAIN_API_URL);
  const apiKey = nonEmpty(env.CHATCAPTAIN_API_KEY);
  const common = {
    port: integerSetting(env, 'PORT', DEFAULT_PORT, 0, 65_535),
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    consoleUrl: optionalConsoleUrl(nonEmpty(env.CONSOLE_URL)),
    distDir: DEFAULT_DIST_DIR,
    maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
    startDataTimeoutMs: integerSetting(
      env,
      'START_DATA_TIMEOUT_MS',
      DEFAULT_START_DATA_TIMEOUT_MS,
      0,
      60_000,
    ),
  };

  if (upstreamUrl === undefined) {
    return {
      ...common,
      defaultChatbotId: SANDBOX_CHATBOT_ID,
      backend: {
        mode: 'sandbox',
        dataDir: resolve(nonEmpty(env.DATA_DIR) ?? DEFAULT_DATA_DIR),
        seedOrganizations: optionalIntegerSetting(env, 'SEED_ORGANIZATIONS', 0, 10_000_000),
        apiKey: apiKey ?? FULL_ACCESS_KEY,
      },
    };
  }

  const chatbotId = nonEmpty(env.CHATCAPTAIN_CHATBOT_ID);
  if (chatbotId === undefined) {
    throw new ConfigError(
      'CHATCAPTAIN_CHATBOT_ID is required when CHATCAPTAIN_API_URL is set: ' +
        'the id of the chatbot whose organizations the console shows.',
    );
  }
  return {
    ...common,
    defaultChatbotId: chatbotId,
    backend: {
      mode: 'upstream',
      baseUrl: parseBaseUrl(upstreamUrl),
      apiKey,
      timeoutMs: integerSetting(
        env,
        'UPSTREAM_TIMEOUT_MS',
        DEFAULT_UPSTREAM_TIMEOUT_MS,
        1,
        10 * 60_000,
      ),
      maxResponseBytes: integerSetting(
        env,
        'UPSTREAM_MAX_RESPONSE_BYTES',
        DEFAULT_UPSTREAM_MAX_RESPONSE_BYTES,
        1024,
        1024 * 1024 * 1024,
      ),
      maxDecompressedBytes: integerSetting(
        env,
        'UPSTREAM_MAX_DECOMPRESSED_BYTES',
        DEFAULT_UPSTREAM_MAX_DECOMPRESSED_BYTES,
        1024,
        1024 * 1024 * 1024,
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

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function integerSetting(
  env: Environment,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  return optionalIntegerSetting(env, name, min, max) ?? fallback;
}

function optionalIntegerSetting(
  env: Environment,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = nonEmpty(env[name]);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return value;
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
