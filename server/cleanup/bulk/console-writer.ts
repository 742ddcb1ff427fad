// A bulk job's reads and writes go through the same /v1 steps as a person's request in the
// browser (console-app.ts): the operation table (api-operation.ts), the role check, the body
// rules, the findings update of the written record (findings-on-write.ts) and the audit step
// (audit-writes.ts), then the API backend. The job's creator is the request's actor, so the role
// is checked again at every write and the audit trail names that person; each entry carries the
// job's id. Only the session step is left out: the job holds no cookie, it holds who started it.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ApiHandler } from '../../api-key.ts';
import { encodePath } from '../../api/request-target.ts';
import type { AuditRecorder } from '../../audit/audit-recorder.ts';
import { apiOperation } from '../../pipeline/api-operation.ts';
import { auditWrites } from '../../pipeline/audit-writes.ts';
import type { Actor, ConsoleEnv } from '../../pipeline/console-env.ts';
import { jsonBodyRules } from '../../pipeline/json-body.ts';
import { roleCheck } from '../../pipeline/role-check.ts';
import type { FindingStore, JsonObject } from '../../store/index.ts';
import { findingsOnWrite } from '../findings-on-write.ts';

const INTERNAL_ORIGIN = 'http://console.internal';
const MAX_BODY_BYTES = 1_000_000;

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Seconds the API asked to wait (a 429's or 503's `Retry-After`), when it said. */
  retryAfterSeconds: number | null;
}

export interface ConsoleWriter {
  get(chatbotId: string, organizationId: string, signal?: AbortSignal): Promise<ApiAnswer>;
  /** PATCH with `organization` as the UpdateOrganizationDto (sent as `{organization}`). */
  update(
    chatbotId: string,
    organizationId: string,
    organization: JsonObject,
    signal?: AbortSignal,
  ): Promise<ApiAnswer>;
  remove(chatbotId: string, organizationId: string, signal?: AbortSignal): Promise<ApiAnswer>;
  create(chatbotId: string, body: JsonObject, signal?: AbortSignal): Promise<ApiAnswer>;
}

export interface ConsoleWriterOptions {
  api: ApiHandler;
  findings: FindingStore;
  recorder: AuditRecorder | undefined;
  log: (line: string) => void;
  actor: Actor;
  /** Written on each audit entry and in its request id. */
  jobId: string;
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function createConsoleWriter(options: ConsoleWriterOptions): ConsoleWriter {
  const { recorder, jobId } = options;
  const jobRecorder: AuditRecorder | undefined = recorder && {
    record: (entry) => recorder.record({ ...entry, jobId }),
  };
  let sequence = 0;
  const app = new Hono<ConsoleEnv>();
  app.all(
    '/v1/*',
    createMiddleware<ConsoleEnv>(async (c, next) => {
      sequence += 1;
      c.set('requestId', `job-${jobId}-${sequence}`);
      c.set('actor', options.actor);
      await next();
    }),
    apiOperation,
    roleCheck(jobRecorder),
    jsonBodyRules(MAX_BODY_BYTES),
    findingsOnWrite(options.findings, options.log),
    auditWrites(options.api, jobRecorder),
    async (c) => {
      const resolved = c.get('apiOperation');
      if (resolved === undefined) throw new Error('the API handler runs after apiOperation');
      return options.api(c.req.raw, resolved);
    },
  );

  async function send(
    method: string,
    segments: string[],
    body: JsonObject | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ApiAnswer> {
    const init: RequestInit = { method, headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    }
    if (signal !== undefined) init.signal = signal;
    const response = await app.fetch(
      new Request(`${INTERNAL_ORIGIN}${encodePath(['v1', ...segments])}`, init),
    );
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    return {
      status: response.status,
      body:
        typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), Date.now()),
    };
  }

  const path = (chatbotId: string, id?: string) =>
    id === undefined
      ? ['chatbots', chatbotId, 'organizations']
      : ['chatbots', chatbotId, 'organizations', id];
  return {
    get: (chatbotId, id, signal) => send('GET', path(chatbotId, id), undefined, signal),
    update: (chatbotId, id, organization, signal) =>
      send('PATCH', path(chatbotId, id), { organization }, signal),
    remove: (chatbotId, id, signal) => send('DELETE', path(chatbotId, id), undefined, signal),
    create: (chatbotId, body, signal) => send('POST', path(chatbotId), body, signal),
  };
}
