import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../server/sandbox/api-keys.ts';
import type { Sandbox } from '../../server/sandbox/contract.ts';
import { API_KEY_HEADER } from '../../server/sandbox/http/authorize.ts';
import type { TimingSink } from './timings.ts';

const BASE = `http://sandbox.local/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`;

/**
 * Calls the sandbox in-process through its real routes with the full-access key, timing each
 * call from building the request to the parsed body (what a server in front of it would pay).
 */
export class SandboxClient {
  constructor(private readonly sandbox: Sandbox) {}

  /**
   * `path` is relative to the chatbot's organizations, e.g. `search?query=a` or `/ID/contacts`.
   * Throws unless the answer has `expectedStatus` (one of them, when a list).
   */
  async call<T>(
    method: string,
    path: string,
    expectedStatus: number | readonly number[],
    timings?: TimingSink,
    body?: unknown,
  ): Promise<T> {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const response = await this.sandbox.fetch(this.request(method, path, body));
    const parsed = (await response.json()) as T;
    const cpu = process.cpuUsage(cpuStarted);
    timings?.add(performance.now() - started, (cpu.user + cpu.system) / 1000);
    checkStatus(method, path, response.status, expectedStatus, parsed);
    return parsed;
  }

  /**
   * `call` timed on the sandbox's side only: from the request with its body already
   * serialised to the response's bytes (the caller's own JSON work, and decoding the bytes, are
   * left out); gives the status too.
   */
  async sandboxSide<T>(
    method: string,
    path: string,
    expectedStatus: readonly number[],
    timings: TimingSink,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const request = this.request(method, path, body);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const response = await this.sandbox.fetch(request);
    const bytes = await response.arrayBuffer();
    const cpu = process.cpuUsage(cpuStarted);
    timings.add(performance.now() - started, (cpu.user + cpu.system) / 1000);
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as T;
    checkStatus(method, path, response.status, expectedStatus, parsed);
    return { status: response.status, body: parsed };
  }

  private request(method: string, path: string, body: unknown): Request {
    const headers: Record<string, string> = { [API_KEY_HEADER]: FULL_ACCESS_KEY };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return new Request(`${BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

function checkStatus(
  method: string,
  path: string,
  status: number,
  expected: number | readonly number[],
  body: unknown,
): void {
  if (typeof expected === 'number' ? status === expected : expected.includes(status)) return;
  const shown = JSON.stringify(body).slice(0, 500);
  throw new Error(`${method} ${path.slice(0, 200)}: status ${status}: ${shown}`);
}
