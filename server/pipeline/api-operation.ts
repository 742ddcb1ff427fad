import { createMiddleware } from 'hono/factory';
import { matchOperation } from '../api/operations.ts';
import {
  decodePathSegments,
  encodePath,
  encodeQuery,
  parseQuery,
  RequestTargetError,
  splitUrl,
} from '../api/request-target.ts';
import type { ConsoleEnv } from './console-env.ts';

export const NO_SUCH_OPERATION_ERROR =
  'Not found: the console serves only the organization operations of the ChatCaptain API.';

/**
 * For `/v1/*`: finds the request's operation in the table (server/api/operations.ts) once and
 * keeps it on the context (`apiOperation`) for every later step. A path that is no operation is
 * 404; a path whose operations have other methods is 405 with `Allow` (OPTIONS too: the console
 * answers no preflight); a malformed path or query is 400. Hono's `method-not-allowed` middleware
 * would derive `Allow` from the app's routes, where all of `/v1` is one route: the table is the
 * source here.
 */
export const apiOperation = createMiddleware<ConsoleEnv>(async (c, next) => {
  const { path, search } = splitUrl(c.req.url);
  const method = c.req.method;
  try {
    const segments = decodePathSegments(path);
    const match = matchOperation(method, segments);
    if (match.kind === 'none') return c.json({ error: NO_SUCH_OPERATION_ERROR }, 404);
    if (match.kind === 'wrong-method') {
      const allow = match.allowed.join(', ');
      return c.json(
        { error: `Method ${method} is not allowed here; this path allows ${allow}.` },
        405,
        { Allow: allow },
      );
    }
    const encodedQuery = encodeQuery(parseQuery(search, match.operation.query));
    c.set('apiOperation', {
      operation: match.operation,
      parameters: match.parameters,
      path: encodePath(segments),
      search: encodedQuery === '' ? '' : `?${encodedQuery}`,
    });
  } catch (error) {
    if (error instanceof RequestTargetError) return c.json({ error: error.message }, 400);
    throw error;
  }
  await next();
});
