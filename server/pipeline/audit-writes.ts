import { createMiddleware } from 'hono/factory';
import type { ApiHandler } from '../api-key.ts';
import { API_KEY_HEADER } from '../api-key.ts';
import { OPERATIONS } from '../api/operations.ts';
import { auditActor, type AuditRecorder } from '../audit/audit-recorder.ts';
import { changedFields, dataFields, isJsonObject } from '../audit/changed-fields.ts';
import type { JsonObject, NewAuditEntry } from '../store/index.ts';
import type { ConsoleEnv, ResolvedOperation } from './console-env.ts';

// An error text longer than this is cut in the entry: it explains, it is not a copy of the answer.
const MAX_ERROR_CHARS = 2_000;

const GET_OPERATION = OPERATIONS.find((operation) => operation.name === 'get');

/**
 * The audit step of a write (create, update, delete), last before the backend: it reads the record
 * first through the same backend (a `get`, with the request's own key when it has one) for an
 * update or a delete, lets the write through, and appends who, when, what, the changed fields
 * before → after and the outcome (status and error), with the request's id. A failed write is
 * recorded too: its entry holds the stored values and what was asked for. Reads pass untouched.
 */
export function auditWrites(api: ApiHandler, recorder: AuditRecorder | undefined) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const resolved = c.get('apiOperation');
    if (resolved === undefined) throw new Error('auditWrites runs after apiOperation');
    const { operation } = resolved;
    if (!operation.write || recorder === undefined) return next();

    const requested = operation.body ? await jsonObjectOf(c.req.raw) : undefined;
    const stored =
      operation.name === 'create' ? undefined : await storedRecord(api, c.req.raw, resolved);
    await next();
    const status = c.res.status;
    const answer = await jsonObjectOf(c.res);
    const succeeded = status >= 200 && status < 300;
    const outcome = succeeded
      ? { status, error: null }
      : { status, error: errorText(answer, status) };

    let change: { before: JsonObject | null; after: JsonObject | null };
    let createdId: string | null = null;
    const answered = isJsonObject(answer?.organization) ? answer.organization : undefined;
    if (operation.name === 'create') {
      const askedFor = isJsonObject(requested) ? requested : {};
      const created = answered === undefined ? undefined : dataFields(answered);
      // What was sent and is not in the answer (a phone number is stored, never returned).
      change = {
        before: null,
        after: created === undefined ? askedFor : { ...nonEmpty(askedFor), ...created },
      };
      if (answered !== undefined && typeof answered.id === 'string') createdId = answered.id;
    } else if (operation.name === 'delete') {
      change = { before: stored === undefined ? null : dataFields(stored), after: null };
    } else {
      const askedFor =
        isJsonObject(requested) && isJsonObject(requested.organization)
          ? requested.organization
          : {};
      const named = Object.keys(askedFor);
      const before = stored === undefined ? {} : dataFields(stored);
      const after =
        succeeded && answered !== undefined ? dataFields(answered) : { ...before, ...askedFor };
      const fields = changedFields(before, after, named.length > 0 ? named : undefined);
      change = { before: fields.before, after: fields.after };
    }

    const name = pickName(answered, stored, requested);
    const entry: NewAuditEntry = {
      ...auditActor(c.get('actor')),
      operation: operation.name,
      chatbotId: resolved.parameters.chatbotId as string,
      organizationId: resolved.parameters.organizationId ?? createdId,
      organizationName: name,
      ...change,
      ...outcome,
      requestId: c.get('requestId'),
    };
    await recorder.record(entry);
  });
}

/** The record as the backend has it now, or undefined (not found, or no answer). */
async function storedRecord(
  api: ApiHandler,
  request: Request,
  resolved: ResolvedOperation,
): Promise<JsonObject | undefined> {
  if (GET_OPERATION === undefined) throw new Error('the operations table has no get');
  const headers = new Headers();
  const key = request.headers.get(API_KEY_HEADER);
  if (key !== null) headers.set(API_KEY_HEADER, key);
  const read = new Request(new URL(resolved.path, request.url), {
    headers,
    signal: request.signal,
  });
  const response = await api(read, { ...resolved, operation: GET_OPERATION, search: '' });
  if (!response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  const body = await jsonObjectOf(response);
  return isJsonObject(body?.organization) ? body.organization : undefined;
}

/** The JSON object of a request or an answer, read from a copy so the original still goes on. */
async function jsonObjectOf(message: Request | Response): Promise<JsonObject | undefined> {
  try {
    const value: unknown = await message.clone().json();
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function errorText(answer: JsonObject | undefined, status: number): string {
  const text = typeof answer?.error === 'string' ? answer.error : `HTTP ${status}`;
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
}

function pickName(...records: (JsonObject | undefined)[]): string | null {
  for (const record of records) {
    if (typeof record?.name === 'string') return record.name;
    const nested = record?.organization;
    if (isJsonObject(nested) && typeof nested.name === 'string') return nested.name;
  }
  return null;
}

function nonEmpty(fields: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== '' && value !== null),
  );
}
