import { isUtf8 } from 'node:buffer';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ConsoleEnv } from './console-env.ts';

// application/json, with at most a UTF-8 charset: a browser can send text/plain, a form's
// encodings or a beacon cross-site without a preflight, never this.
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export const JSON_ONLY_ERROR = 'Send the request body as JSON: Content-Type: application/json.';
export const NOT_UTF8_ERROR = 'The request body is not valid UTF-8.';

/**
 * The body rules of `/v1/*`, after the operation is known: an operation that takes a body gets it
 * only as `application/json` (415 otherwise), at most `maxBytes` long (413, by Hono's bodyLimit,
 * also when sent in chunks), and valid UTF-8 (400: never stored with U+FFFD in place of what was
 * sent). An operation without a body refuses one (400). The checked bytes become the request
 * handed on, so the backend reads exactly what was checked.
 */
export function jsonBodyRules(maxBytes: number) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: `Request body larger than ${maxBytes} bytes.` }, 413),
  });
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const operation = c.get('apiOperation')?.operation;
    if (operation === undefined) throw new Error('jsonBodyRules runs after apiOperation');
    if (!operation.body) {
      if (declaresBody(c.req.header('content-length'), c.req.header('transfer-encoding'))) {
        return c.json({ error: `This operation (${operation.name}) takes no request body.` }, 400);
      }
      return next();
    }
    if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: JSON_ONLY_ERROR }, 415);
    }
    let refused: Response | undefined;
    const limited = await limit(c, async () => {
      const original = c.req.raw;
      const bytes = new Uint8Array(await original.arrayBuffer());
      if (!isUtf8(bytes)) {
        refused = c.json({ error: NOT_UTF8_ERROR }, 400);
        return;
      }
      c.req.raw = new Request(original.url, {
        method: original.method,
        headers: original.headers,
        body: bytes,
        signal: original.signal,
      });
      await next();
    });
    return refused ?? limited;
  });
}

function declaresBody(contentLength: string | undefined, transferEncoding: string | undefined) {
  return transferEncoding !== undefined || (contentLength !== undefined && contentLength !== '0');
}
