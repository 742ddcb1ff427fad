// One HTTP request to the upstream whose answer is read with two counters: the bytes as received
// (compressed or not) and the bytes once decompressed; either over its cap stops the reading at
// once and destroys the connection, so neither a huge body nor a gzip bomb is ever held whole.
// node:http rather than fetch: fetch decompresses out of sight, so the received size could not be
// counted, and Hono's proxy helper is fetch too.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface ResponseCaps {
  /** Most bytes as received. */
  maxResponseBytes: number;
  /** Most bytes once decompressed. */
  maxDecompressedBytes: number;
}

export interface CappedRequest {
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  signal: AbortSignal;
}

export interface CappedResponse {
  status: number;
  statusText: string;
  /** Header names in lower case, values as received (a repeated header once per line). */
  headers: [string, string][];
  /** Decompressed. */
  body: Buffer;
}

/** An answer the console will not pass on; the message is for the log (never holds the key). */
export class RefusedAnswerError extends Error {
  override name = 'RefusedAnswerError';
}

/** The encodings the proxy asks for; it decodes each itself. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/** Sends the request; resolves with the answer read within the caps, or throws. */
export async function requestCapped(
  url: URL,
  request: CappedRequest,
  caps: ResponseCaps,
): Promise<CappedResponse> {
  const response = await send(url, request);
  const answer = (body: Buffer): CappedResponse => ({
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    headers: headerPairs(response.rawHeaders),
    body,
  });
  if (response.statusCode === 204 || response.statusCode === 304) {
    response.resume();
    return answer(Buffer.alloc(0));
  }
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  const decoder = decoderFor(response.headers['content-encoding']);
  if (declared > caps.maxResponseBytes || decoder instanceof RefusedAnswerError) {
    response.destroy();
    throw decoder instanceof RefusedAnswerError
      ? decoder
      : new RefusedAnswerError(
          `announced ${declared} bytes, more than the ${caps.maxResponseBytes} allowed (UPSTREAM_MAX_RESPONSE_BYTES)`,
        );
  }
  let received = 0;
  let decompressed = 0;
  const chunks: Buffer[] = [];

  async function* countReceived(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      received += chunk.length;
      if (received > caps.maxResponseBytes) {
        throw new RefusedAnswerError(
          `sent more than the ${caps.maxResponseBytes} bytes allowed (UPSTREAM_MAX_RESPONSE_BYTES)`,
        );
      }
      yield chunk;
    }
  }
  async function collect(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      decompressed += chunk.length;
      if (decompressed > caps.maxDecompressedBytes) {
        throw new RefusedAnswerError(
          `decompressed to more than the ${caps.maxDecompressedBytes} bytes allowed (UPSTREAM_MAX_DECOMPRESSED_BYTES)`,
        );
      }
      chunks.push(chunk);
    }
  }

  try {
    if (decoder === undefined) {
      await pipeline(response, countReceived, collect, { signal: request.signal });
    } else {
      await pipeline(response, countReceived, decoder, collect, { signal: request.signal });
    }
  } catch (error) {
    response.destroy();
    // zlib's own errors (a truncated or corrupt stream) carry a `Z_…` code.
    if (isZlibError(error)) throw new RefusedAnswerError(`sent a corrupt compressed body`);
    throw error;
  }
  return answer(Buffer.concat(chunks));
}

function send(url: URL, request: CappedRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const sendRequest = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = sendRequest(
      url,
      { method: request.method, headers: request.headers, signal: request.signal },
      resolve,
    );
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}

function decoderFor(encoding: string | undefined): Transform | RefusedAnswerError | undefined {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity') return undefined;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  if (name === 'br') return createBrotliDecompress();
  return new RefusedAnswerError(
    `used a content encoding the console did not ask for (${JSON.stringify(name.slice(0, 40))})`,
  );
}

function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([(raw[index] as string).toLowerCase(), raw[index + 1] as string]);
  }
  return pairs;
}

function isZlibError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('Z_')
  );
}
