// The console server reading organizations for its own work (the data-quality scan, exports)
// through the same ApiHandler the /v1 proxy uses: the sandbox in-process or the upstream API, with
// the server's key (the handler adds it to a request that has none). Requests are built the way
// api-operation.ts resolves a browser's, so the upstream proxy forwards them unchanged.
import type { ApiHandler } from '../api-key.ts';
import { OPERATIONS, type Operation, type OperationName } from '../api/operations.ts';
import { encodePath, encodeQuery } from '../api/request-target.ts';
import type { ResolvedOperation } from '../pipeline/console-env.ts';
import {
  fetchListPage,
  MAX_LIST_LIMIT,
  type ListAnswer,
  type ListCursor,
  type ListRequest,
} from '../../src/lib/organizations/listPaging.ts';
import type { OrganizationDto } from '../sandbox/types.ts';

/** An answer the work cannot go on with: the API failed or refused. */
export class ApiReadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function operationNamed(name: OperationName): Operation {
  const found = OPERATIONS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`the operations table has no ${name}`);
  return found;
}

const LIST = operationNamed('list');
export const SEARCH = operationNamed('search');

// Only the path and query reach the backend; the origin is never contacted.
const INTERNAL_ORIGIN = 'http://console.internal';

export async function call(
  api: ApiHandler,
  operation: Operation,
  chatbotId: string,
  query: Map<string, string>,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const segments =
    operation === LIST
      ? ['v1', 'chatbots', chatbotId, 'organizations']
      : ['v1', 'chatbots', chatbotId, 'organizations', 'search'];
  const path = encodePath(segments);
  const encoded = encodeQuery(query);
  const search = encoded === '' ? '' : `?${encoded}`;
  const resolved: ResolvedOperation = { operation, parameters: { chatbotId }, path, search };
  const request = new Request(`${INTERNAL_ORIGIN}${path}${search}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  const response = await api(request, resolved);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    const error = typeof record.error === 'string' ? record.error : `HTTP ${response.status}`;
    throw new ApiReadError(`The API answered ${response.status}: ${error}`, response.status);
  }
  return record;
}

/**
 * One list request (`pageToken`, `limit`), as `fetchListPage` (src/lib/organizations/listPaging.ts)
 * asks.
 */
export function listFetcher(api: ApiHandler, chatbotId: string) {
  return async (request: ListRequest, signal?: AbortSignal): Promise<ListAnswer> => {
    const query = new Map<string, string>();
    if (request.pageToken !== undefined) query.set('pageToken', request.pageToken);
    query.set('limit', String(request.limit));
    const body = await call(api, LIST, chatbotId, query, signal);
    if (!Array.isArray(body.organizations)) {
      throw new ApiReadError('The API answered a list without organizations.', 502);
    }
    const answer: ListAnswer = { organizations: body.organizations as OrganizationDto[] };
    if (typeof body.error === 'string') answer.error = body.error;
    return answer;
  };
}

/** How many organizations the chatbot has (the search's `outOf`), or null when it does not say. */
export async function organizationCount(
  api: ApiHandler,
  chatbotId: string,
  signal?: AbortSignal,
): Promise<number | null> {
  try {
    const query = new Map([
      ['query', '*'],
      ['page', '1'],
      ['pageSize', '1'],
    ]);
    const body = await call(api, SEARCH, chatbotId, query, signal);
    const results = body.results as { outOf?: unknown } | undefined;
    return typeof results?.outOf === 'number' ? results.outOf : null;
  } catch {
    return null;
  }
}

/** Where a walk through the list stands: the list's cursor, or null once it is done. */
export type WalkCursor = ListCursor | null;

/**
 * The list from `cursor` on, a page (up to 250) at a time, tie-safe as the list page pages
 * (src/lib/organizations/listPaging.ts): nothing is skipped or read twice when organizations share
 * a `created`.
 */
export async function* walkOrganizations(
  api: ApiHandler,
  chatbotId: string,
  cursor: ListCursor,
  signal?: AbortSignal,
): AsyncGenerator<{ organizations: OrganizationDto[]; next: WalkCursor }> {
  const fetcher = listFetcher(api, chatbotId);
  let at: ListCursor | null = cursor;
  while (at !== null) {
    signal?.throwIfAborted();
    const page = await fetchListPage(
      fetcher,
      { cursor: at, startIndex: 0, noticesBefore: 0, previous: null },
      MAX_LIST_LIMIT,
      signal,
    );
    const organizations = page.rows.flatMap((row) =>
      row.kind === 'organization' ? [row.organization] : [],
    );
    at = page.next;
    yield { organizations, next: at };
  }
}
