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
    return (await this.exchange<T>(method, path, expectedStatus, timings, body)).body;
  }

  /** `call`, also giving the status (for requests that may be accepted or refused). */
  async exchange<T>(
    method: string,
    path: string,
    expectedStatus: number | readonly number[],
    timings?: TimingSink,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const headers: Record<string, string> = { [API_KEY_HEADER]: FULL_ACCESS_KEY };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(`${BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await this.sandbox.fetch(request);
    const parsed = (await response.json()) as T;
    const cpu = process.cpuUsage(cpuStarted);
    timings?.add(performance.now() - started, (cpu.user + cpu.system) / 1000);
    const expected = typeof expectedStatus === 'number' ? [expectedStatus] : expectedStatus;
    if (!expected.includes(response.status)) {
      const shown = JSON.stringify(parsed).slice(0, 500);
      throw new Error(`${method} ${path.slice(0, 200)}: status ${response.status}: ${shown}`);
    }
    return { status: response.status, body: parsed };
  }
}
