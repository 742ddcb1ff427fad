// The CSV export of a search or of a selection, under /console/chatbots/:chatbotId/…, behind the
// session step and the app-wide Host allowlist and same-origin rule for writes (a POST: the
// selection can hold many thousands of ids, more than a URL carries):
//   POST …/exports/organizations.csv  {target: {kind: 'search', query} | {kind: 'selection', ids}}
//                                     the organizations as CSV, streamed               (viewer)
// The whole list and a check's findings are GET routes in data-quality-routes.ts.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ApiHandler } from '../api-key.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { FindingStore } from '../store/index.ts';
import { ApiReadError } from './api-reader.ts';
import { parseTarget } from './bulk/bulk-targets.ts';
import { createConsoleWriter } from './bulk/console-writer.ts';
import { csvResponse, csvStream } from './csv.ts';
import { ORGANIZATION_COLUMNS } from './exports.ts';
import { searchPage, searchRows, selectionRows } from './target-exports.ts';

export interface ExportRouteDeps {
  api: ApiHandler;
  findings: FindingStore;
  log: (line: string) => void;
}

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CHATBOT_ID = /^[^\u0000-\u001f\u007f/]{1,200}$/;

async function targetOf(c: Context<ConsoleEnv>) {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return 'Send a JSON object with a target: a search or a selection.';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'Send a JSON object with a target: a search or a selection.';
  }
  const target = parseTarget((body as Record<string, unknown>).target);
  if (typeof target !== 'string' && target.kind === 'check') {
    return 'A check’s findings are exported from data-quality/findings.csv; here target.kind must be search or selection.';
  }
  return target;
}

export function mountExportRoutes(
  app: Hono<ConsoleEnv>,
  deps: ExportRouteDeps,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  app.post('/console/chatbots/:chatbotId/exports/organizations.csv', session, async (c) => {
    const chatbotId = c.req.param('chatbotId');
    if (!CHATBOT_ID.test(chatbotId)) return c.json({ error: 'Unknown chatbot id.' }, 400);
    const target = await targetOf(c);
    if (typeof target === 'string') return c.json({ error: target }, 400);
    const signal = c.req.raw.signal;
    if (target.kind === 'search') {
      let first;
      try {
        first = await searchPage(deps.api, chatbotId, target.query, 1, signal);
      } catch (error) {
        if (error instanceof ApiReadError) return c.json({ error: error.message }, 502);
        throw error;
      }
      return csvResponse(
        csvStream(
          ORGANIZATION_COLUMNS,
          searchRows(deps.api, chatbotId, target.query, first, signal),
        ),
        'search.csv',
        first.found,
      );
    }
    const actor = c.get('actor');
    if (actor === undefined) throw new Error('export routes run after the session step');
    const reader = createConsoleWriter({
      api: deps.api,
      findings: deps.findings,
      recorder: undefined,
      log: deps.log,
      actor,
      jobId: 'export',
    });
    return csvResponse(
      csvStream(ORGANIZATION_COLUMNS, selectionRows(reader, chatbotId, target.ids, signal)),
      'selection.csv',
      target.ids.length,
    );
  });
}
