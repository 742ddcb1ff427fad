import { headersWithDefaultKey, hasBody, type ApiHandler } from './api-key.ts';
import { isOrganizationsApiPath } from './organizations-path.ts';

export interface UpstreamProxyOptions {
  /** e.g. https://api.chatcaptain.com, without a trailing slash. */
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  /** Where failures are reported (never with the key); console.error by default. */
  log?: (line: string) => void;
}

// Per-connection headers (RFC 9110 §7.6.1) and what identifies the browser's session or origin
// here: none of it means anything to the upstream API, and cookies of this console must not leak.
const REQUEST_HEADERS_NOT_FORWARDED = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'cookie',
  'origin',
  'referer',
  'content-length',
  // fetch negotiates (and decodes) its own compression.
  'accept-encoding',
];
// fetch has decoded the body, so its original length and encoding no longer describe it; the
// upstream's cookies belong to another site.
const RESPONSE_HEADERS_NOT_FORWARDED = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-encoding',
  'content-length',
  'set-cookie',
];
const REDACTED = '[redacted]';

/**
 * Forwards the organization operations (`/v1/chatbots/{id}/organizations…`) to the ChatCaptain
 * API: method, path, query and body as sent, plus the server's key when the request has none;
 * any other path is 404 here. Answers 504 when the upstream is slower than `timeoutMs` and
 * 502 when it cannot be reached; both with a JSON `error`, as the API itself does. Should the
 * upstream ever echo the key, it is redacted from the response headers and body.
 */
export function createUpstreamProxy(options: UpstreamProxyOptions): ApiHandler {
  const log = options.log ?? ((line: string) => console.error(line));
  const redact = (text: string) =>
    options.apiKey === undefined ? text : text.split(options.apiKey).join(REDACTED);

  return async (request) => {
    const incoming = new URL(request.url);
    if (!isOrganizationsApiPath(incoming.pathname)) {
      return Response.json(
        { error: 'The console forwards only the organization operations.' },
        { status: 404 },
      );
    }
    const target = `${options.baseUrl}${incoming.pathname}${incoming.search}`;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([timeout, request.signal]);
    try {
      const response = await fetch(target, {
        method: request.method,
        headers: forwardedRequestHeaders(request.headers, options.apiKey),
        body: hasBody(request.method) ? await request.arrayBuffer() : undefined,
        redirect: 'manual',
        signal,
      });
      // Read it whole (API bodies are small) so the timeout covers it and the key can be redacted.
      const body = await response.arrayBuffer();
      return new Response(
        response.status === 204 || response.status === 304 ? null : redactBody(body, redact),
        {
          status: response.status,
          statusText: response.statusText,
          headers: forwardedResponseHeaders(response.headers, redact),
        },
      );
    } catch (error) {
      if (timeout.aborted) {
        log(
          `upstream: ${request.method} ${incoming.pathname} timed out after ${options.timeoutMs} ms`,
        );
        return Response.json(
          { error: `The ChatCaptain API did not answer within ${options.timeoutMs} ms.` },
          { status: 504 },
        );
      }
      if (request.signal.aborted) {
        // The browser gave up; nobody reads this answer.
        return Response.json({ error: 'Request cancelled.' }, { status: 499 });
      }
      log(`upstream: ${request.method} ${incoming.pathname} failed: ${redact(describe(error))}`);
      return Response.json({ error: 'The ChatCaptain API could not be reached.' }, { status: 502 });
    }
  };
}

function forwardedRequestHeaders(headers: Headers, apiKey: string | undefined): Headers {
  const result = headersWithDefaultKey(headers, apiKey);
  for (const name of connectionListed(headers)) result.delete(name);
  for (const name of REQUEST_HEADERS_NOT_FORWARDED) result.delete(name);
  return result;
}

function forwardedResponseHeaders(headers: Headers, redact: (text: string) => string): Headers {
  const result = new Headers();
  const dropped = new Set([...RESPONSE_HEADERS_NOT_FORWARDED, ...connectionListed(headers)]);
  for (const [name, value] of headers) {
    if (!dropped.has(name)) result.append(name, redact(value));
  }
  return result;
}

/** Headers named in `Connection` are hop-by-hop too. */
function connectionListed(headers: Headers): string[] {
  return (headers.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

function redactBody(body: ArrayBuffer, redact: (text: string) => string): ArrayBuffer | string {
  const text = new TextDecoder().decode(body);
  const redacted = redact(text);
  return redacted === text ? body : redacted;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
