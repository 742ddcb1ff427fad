// The one HTTP helper every API operation goes through: same-origin JSON over `fetch`, a timeout
// combined with the caller's AbortSignal, responses checked against schemas.ts, and one error type.
import {
  operationLabel,
  permissionForOperation,
  permissionLabel,
  type OperationName,
  type Permission,
} from './permissions.ts';
import { safeParse, type Issue, type Schema } from './validate.ts';

export type { OperationName, Permission } from './permissions.ts';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  operation: OperationName;
  /** Why it failed, as a sentence for a person ("The server could not be reached."). */
  reason: string;
  status?: number | null;
  serverMessage?: string;
  retryAfterMs?: number;
  /** A 401 of the console server's session step: the person must sign in (again). */
  signInRequired?: boolean;
  cause?: unknown;
}

/**
 * Every failure of an API call: an HTTP status other than 2xx (`kind: 'http'`), no answer at all
 * (`'network'`), no answer in time (`'timeout'`) or an answer the contract does not allow
 * (`'invalid-response'`). `message` ("Couldn't save the organization: …") and `reason` (the part
 * after the colon) are written for a person; the rest is for code.
 * A call the caller aborted rejects with the signal's reason (an AbortError), not an ApiError.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** Why it failed, without the operation: "The server could not be reached. …" */
  readonly reason: string;
  /** The HTTP status; null when no response arrived (network, timeout). */
  readonly status: number | null;
  /** The response body's `error` text, when it had one. */
  readonly serverMessage: string | undefined;
  readonly operation: OperationName;
  /** For a 403: the permission the operation needs (the table in docs/API-NOTES.md). */
  readonly requiredPermission: Permission | undefined;
  /** From a `Retry-After` header (429, 503), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /**
   * A 401 from the console's session step (its body names `signInUrl`): the session expired or was
   * revoked. Not an upstream 401 (a key the API refused), which has no `signInUrl`.
   */
  readonly signInRequired: boolean;

  constructor(details: ApiErrorDetails) {
    super(
      `Couldn't ${operationLabel(details.operation)}: ${lowerFirst(details.reason)}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.kind = details.kind;
    this.reason = details.reason;
    this.status = details.status ?? null;
    this.serverMessage = details.serverMessage;
    this.operation = details.operation;
    this.requiredPermission =
      this.status === 403 ? permissionForOperation(details.operation) : undefined;
    this.retryAfterMs = details.retryAfterMs;
    this.signInRequired = details.signInRequired ?? false;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiClientConfig {
  /** Prefix of every URL; '' sends same-origin requests (the console server answers `/v1`). */
  baseUrl: string;
  /** A call without an answer after this long fails with `kind: 'timeout'`. */
  timeoutMs: number;
  /** The fetch to use; undefined: the global `fetch`, looked up at call time (so tests can stub it). */
  fetch: typeof fetch | undefined;
}

/**
 * Longer than the console server's own limit for the upstream API (15 s, then a 504), so the
 * browser gets that answer rather than giving up a moment before it arrives.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

const DEFAULT_CONFIG: ApiClientConfig = {
  baseUrl: '',
  timeoutMs: DEFAULT_TIMEOUT_MS,
  fetch: undefined,
};

let config: ApiClientConfig = DEFAULT_CONFIG;

/** Changes the client's settings (tests: base URL, fetch, timeout); returns a function that undoes it. */
export function configureApiClient(changes: Partial<ApiClientConfig>): () => void {
  const previous = config;
  config = { ...config, ...changes };
  return () => {
    config = previous;
  };
}

/**
 * One URL path from raw segments, each percent-encoded: ids and chatbot ids may be any string,
 * including `/`, `?`, `#` and `%`. A segment of only dots, or an empty one, cannot be sent at all
 * (URL parsers resolve `.`, `..` and `%2e%2e` as directory steps), so it throws rather than reach
 * another resource.
 */
export function apiPath(...segments: string[]): string {
  return segments
    .map((segment) => {
      if (segment === '' || /^\.+$/.test(segment)) {
        throw new RangeError(`"${segment}" cannot be used as an id in a URL.`);
      }
      return `/${encodeURIComponent(segment)}`;
    })
    .join('');
}

/**
 * Sent with every request. The console server changes data only for a request that carries
 * `X-Console-Request: 1` from its own origin: a page on another site cannot add the header without
 * a preflight the server never grants (server/pipeline/same-origin.ts).
 */
const CONSOLE_HEADERS = { accept: 'application/json', 'x-console-request': '1' } as const;

export type QueryParameters = Record<string, string | number | undefined>;

export interface ApiRequest<T> {
  operation: OperationName;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Encoded path, from `apiPath`. */
  path: string;
  query?: QueryParameters;
  /** Sent as JSON. */
  body?: unknown;
  /** The response body's schema (schemas.ts); the result is what it parsed. */
  schema: Schema<T>;
  signal?: AbortSignal | undefined;
  /**
   * Sends this one request instead of the configured fetch: the console server's render asks its
   * own app through it, and the browser replays what that render embedded (startup/startData/startData.ts).
   */
  transport?: ApiTransport | undefined;
}

/** What sends a request: `fetch`'s shape. */
export type ApiTransport = (url: string, init: RequestInit) => Promise<Response>;

/** Hears whether a request reached the console server: true for any answer, false for none. */
export type ServerReachListener = (reached: boolean) => void;

const reachListeners = new Set<ServerReachListener>();

/**
 * Tells `listener` after every request whether the console server answered (any status) or
 * could not be reached at all (`kind: 'network'`), so the console can say so at the first
 * failure (hooks/shell/useServerConnection.ts). Returns the unsubscribe function.
 */
export function onServerReach(listener: ServerReachListener): () => void {
  reachListeners.add(listener);
  return () => {
    reachListeners.delete(listener);
  };
}

export function reportReach(reached: boolean): void {
  for (const listener of [...reachListeners]) listener(reached);
}

/** Hears that a request was refused for want of a session (an expired or revoked sign-in). */
export type SignInRequiredListener = () => void;

const signInListeners = new Set<SignInRequiredListener>();

/**
 * Tells `listener` whenever an answer is the console's 401 "sign in to continue", so the page can
 * go to sign-in and come back (hooks/session/useSignInWhenRequired.ts). Returns the unsubscribe function.
 */
export function onSignInRequired(listener: SignInRequiredListener): () => void {
  signInListeners.add(listener);
  return () => {
    signInListeners.delete(listener);
  };
}

/** The fetch the client uses (tests configure their own). */
export function configuredFetch(): typeof fetch {
  return config.fetch ?? globalThis.fetch;
}

export function announceSignInRequired(): void {
  for (const listener of [...signInListeners]) listener();
}

/** Sends one request and returns the checked body of a 2xx answer; anything else throws. */
export async function request<T>(options: ApiRequest<T>): Promise<T> {
  const { operation, signal } = options;
  signal?.throwIfAborted();

  const { timeoutMs } = config;
  const fetchImpl: ApiTransport = options.transport ?? configuredFetch();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(buildUrl(options.path, options.query), {
        method: options.method ?? 'GET',
        headers:
          options.body === undefined
            ? CONSOLE_HEADERS
            : { ...CONSOLE_HEADERS, 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
      });
      reportReach(true);
      // Inside the timeout too: a server can send headers and then stall the body.
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) {
        throw new ApiError({
          kind: 'timeout',
          operation,
          reason: `The server did not answer within ${formatSeconds(timeoutMs)}.`,
          cause,
        });
      }
      reportReach(false);
      throw new ApiError({
        kind: 'network',
        operation,
        reason: 'The server could not be reached. Check the connection and try again.',
        cause,
      });
    }

    const body = parseJson(text);
    if (!response.ok) {
      const error = httpError(operation, response, body);
      if (error.signInRequired) announceSignInRequired();
      throw error;
    }
    if (body === NOT_JSON) {
      throw invalidResponse(operation, response.status, 'the answer is not JSON');
    }
    const parsed = safeParse(options.schema, body);
    if (!parsed.success) {
      throw invalidResponse(
        operation,
        response.status,
        describeIssues(parsed.issues, parsed.issueCount),
      );
    }
    return parsed.data;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

export function buildUrl(path: string, query: QueryParameters | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const queryText = search.toString();
  return `${config.baseUrl}${path}${queryText === '' ? '' : `?${queryText}`}`;
}

const NOT_JSON = Symbol('not JSON');

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

export function httpError(operation: OperationName, response: Response, body: unknown): ApiError {
  const { status } = response;
  const serverMessage =
    typeof body === 'object' &&
    body !== null &&
    'error' in body &&
    typeof body.error === 'string' &&
    body.error.trim() !== ''
      ? body.error
      : undefined;
  const signInRequired =
    status === 401 && typeof body === 'object' && body !== null && 'signInUrl' in body;
  return new ApiError({
    kind: 'http',
    operation,
    status,
    serverMessage,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    reason: httpReason(operation, status, serverMessage, signInRequired),
    signInRequired,
  });
}

// A server's text is shown whole in `serverMessage`; inside a sentence, a short start of it.
const MAX_SERVER_TEXT_IN_MESSAGE = 300;

function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

function httpReason(
  operation: OperationName,
  status: number,
  serverMessage: string | undefined,
  signInRequired: boolean,
): string {
  const permission = permissionForOperation(operation);
  if (status === 400) {
    return serverMessage === undefined
      ? 'The server refused the data as invalid.'
      : `The server refused the data: ${truncate(serverMessage, MAX_SERVER_TEXT_IN_MESSAGE)}`;
  }
  if (status === 401 && signInRequired) {
    return 'Your session has ended (it expired, or you signed out elsewhere). Sign in again.';
  }
  if (status === 401) return 'The API key was missing or not accepted.';
  // The console's role check names the role needed: that sentence is the reason, as it came.
  if (status === 403 && serverMessage !== undefined && /\brole\b/.test(serverMessage)) {
    return truncate(serverMessage, MAX_SERVER_TEXT_IN_MESSAGE);
  }
  if (status === 403) {
    return permission === undefined
      ? 'Access was refused.'
      : `The API key is not allowed to ${permissionLabel(permission)}.`;
  }
  if (status === 404) return 'It was not found (it may have been deleted).';
  if (status === 429) return 'The server is busy (too many requests). Try again shortly.';
  // 502 and 504 are what the console server answers when the ChatCaptain API is unreachable or
  // slow (server/upstream/proxy.ts).
  if (status === 502) return 'The ChatCaptain API could not be reached (HTTP 502).';
  if (status === 503) return 'The server is unavailable at the moment (HTTP 503).';
  if (status === 504) return 'The ChatCaptain API did not answer in time (HTTP 504).';
  if (status >= 500) return `The server had a problem (HTTP ${status}).`;
  return `The server answered HTTP ${status}.`;
}

function invalidResponse(operation: OperationName, status: number, detail: string): ApiError {
  return new ApiError({
    kind: 'invalid-response',
    operation,
    status,
    reason: `The server's answer did not match the API contract (${detail}).`,
  });
}

const MAX_ISSUES_SHOWN = 3;

/** "organizations[3].name: expected a string, got a number" */
function describeIssues(issues: readonly Issue[], issueCount: number): string {
  const shown = issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issueCount - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** `organizations[3].variables["a.b"]`: a key that is not a plain name is quoted. */
function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the whole answer';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day or month; without letters, Date.parse would read "-5" as a year.
  const dateMs = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** "The server …" → "the server …", to follow a colon. */
export function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
