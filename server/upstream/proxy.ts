import type { ApiHandler } from '../api-key.ts';
import { unforwardableSegment } from '../api/request-target.ts';
import { RefusedAnswerError, requestCapped, type CappedResponse } from './capped-request.ts';
import { consoleResponseHeaders, upstreamRequestHeaders } from './headers.ts';
import { keyEchoes, type KeyEchoes } from './key-echo.ts';

export interface UpstreamProxyOptions {
  /** e.g. https://api.chatcaptain.com, without a trailing slash. */
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  /** Most bytes of an answer as received (UPSTREAM_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** Most bytes of an answer once decompressed (UPSTREAM_MAX_DECOMPRESSED_BYTES). */
  maxDecompressedBytes: number;
  /** Where failures are reported (never with the key); console.error by default. */
  log?: (line: string) => void;
  /** Counts each failure by kind (metrics). */
  onError?: (kind: UpstreamErrorKind) => void;
}

/** timeout; unreachable; refused (over its size caps, undecodable); answer (5xx, not JSON, …). */
export type UpstreamErrorKind = 'timeout' | 'unreachable' | 'refused' | 'answer';

// What an upstream answer may be to reach the browser: JSON, as every operation answers.
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** How much of a refused answer the log shows. */
const LOGGED_BODY_CHARS = 500;

/**
 * Forwards one of the eight operations (already checked by the pipeline: its normalised path and
 * query, its body; here also that no path parameter holds what a server behind could decode into
 * a separator or a dot segment) to the ChatCaptain API, with the server's key when the request carries none.
 * The answer is read within its size caps, then passed on only as JSON: a 5xx body is replaced by
 * a short message (the original logged), a redirect, another content type, an oversized or
 * undecodable answer becomes a 502, and the key is redacted wherever it is echoed — or the answer
 * withheld when it cannot be. 504 when the upstream is slower than `timeoutMs`; 502 when it
 * cannot be reached. Every error is JSON with an `error`, as the API's own.
 */
export function createUpstreamProxy(options: UpstreamProxyOptions): ApiHandler {
  const logLine = options.log ?? ((line: string) => console.error(line));
  const failed = (kind: UpstreamErrorKind, line: string) => {
    options.onError?.(kind);
    logLine(line);
  };
  const echoes = keyEchoes(options.apiKey);
  const caps = {
    maxResponseBytes: options.maxResponseBytes,
    maxDecompressedBytes: options.maxDecompressedBytes,
  };

  return async (request, resolved) => {
    for (const segment of Object.values(resolved.parameters)) {
      const problem = unforwardableSegment(segment);
      if (problem !== undefined) return errorResponse(400, problem);
    }
    const what = `${request.method} ${resolved.path}`;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([timeout, request.signal]);
    const body = resolved.operation.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    let answer: CappedResponse;
    try {
      answer = await requestCapped(
        new URL(`${options.baseUrl}${resolved.path}${resolved.search}`),
        {
          method: request.method,
          headers: upstreamRequestHeaders(request.headers, options.apiKey, body),
          body,
          signal,
        },
        caps,
      );
    } catch (error) {
      if (timeout.aborted) {
        failed('timeout', `upstream: ${what} timed out after ${options.timeoutMs} ms`);
        return errorResponse(
          504,
          `The ChatCaptain API did not answer within ${options.timeoutMs} ms.`,
        );
      }
      // The browser gave up; nobody reads this answer.
      if (request.signal.aborted) return errorResponse(499, 'Request cancelled.');
      if (error instanceof RefusedAnswerError) {
        failed('refused', `upstream: ${what}: the answer was refused: it ${error.message}`);
        return errorResponse(502, "The ChatCaptain API's answer was refused (see the server log).");
      }
      failed('unreachable', `upstream: ${what} failed: ${echoes.redact(describe(error))}`);
      return errorResponse(502, 'The ChatCaptain API could not be reached.');
    }
    return consoleResponse(answer, echoes, (problem) =>
      failed('answer', `upstream: ${what} ${problem}`),
    );
  };
}

/** What the browser gets for an upstream answer read whole. */
function consoleResponse(
  answer: CappedResponse,
  echoes: KeyEchoes,
  log: (problem: string) => void,
): Response {
  const { status } = answer;
  const text = answer.body.toString('utf8');
  if (status < 200 || status > 599 || (status >= 300 && status < 400)) {
    log(`answered HTTP ${status}, which the console does not pass on`);
    return errorResponse(
      502,
      `The ChatCaptain API answered HTTP ${status}, which is not an answer.`,
    );
  }
  if (status >= 500) {
    const logged = echoes.redact(text);
    log(
      `answered HTTP ${status}: ${echoes.contains(logged) ? '(body not logged: it held the server key)' : preview(logged)}`,
    );
    const retryAfter = answer.headers.find(([name]) => name === 'retry-after')?.[1];
    return errorResponse(
      status,
      `The ChatCaptain API had a problem (HTTP ${status}). Try again later.`,
      retryAfter === undefined || echoes.contains(retryAfter) ? {} : { 'Retry-After': retryAfter },
    );
  }
  const contentType = answer.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
  if (text !== '' && !JSON_TYPE.test(contentType)) {
    log(`answered HTTP ${status} as ${JSON.stringify(contentType.slice(0, 80))}, not JSON`);
    return errorResponse(502, 'The ChatCaptain API answered with something other than JSON.');
  }
  const redacted = echoes.redact(text);
  if (echoes.contains(redacted)) {
    log(`answered HTTP ${status} with the server's key in a form it could not redact; withheld`);
    return errorResponse(502, "The ChatCaptain API's answer was withheld: it held the server key.");
  }
  const headers = consoleResponseHeaders(answer.headers, (value) => !echoes.contains(value));
  // The bytes as read (a view, not a copy), unless redaction changed the text.
  const { buffer, byteOffset, byteLength } = answer.body;
  const body =
    redacted === text ? new Uint8Array(buffer as ArrayBuffer, byteOffset, byteLength) : redacted;
  return new Response(status === 204 ? null : body, {
    status,
    statusText: answer.statusText,
    headers,
  });
}

function errorResponse(status: number, error: string, headers: Record<string, string> = {}) {
  return Response.json({ error }, { status, headers });
}

/** The start of a body, on one line, for the log. */
function preview(text: string): string {
  // eslint-disable-next-line no-control-regex -- line breaks and controls would split the log line
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return oneLine.length <= LOGGED_BODY_CHARS ? oneLine : `${oneLine.slice(0, LOGGED_BODY_CHARS)}…`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
