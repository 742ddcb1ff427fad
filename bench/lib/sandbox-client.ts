import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../server/sandbox/api-keys.ts';
import type { Sandbox } from '../../server/sandbox/contract.ts';
import { API_KEY_HEADER } from '../../server/sandbox/http/authorize.ts';
import type { Timings } from './timings.ts';

const BASE = `http://sandbox.local/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`;

/**
 * Calls the sandbox in-process through its real routes with the full-access key, timing each
 * call from building the request to the parsed body (what a server in front of it would pay).
 */
export class SandboxClient {
  constructor(private readonly sandbox: Sandbox) {}

  /** `path` is relative to the chatbot's organizations, e.g. `search?query=a` or `/ID/contacts`. */
  async call<T>(
    method: string,
    path: string,
    expectedStatus: number,
    timings?: Timings,
    body?: unknown,
  ): Promise<T> {
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
    if (response.status !== expectedStatus) {
      throw new Error(`${method} ${path}: status ${response.status}: ${JSON.stringify(parsed)}`);
    }
    return parsed;
  }
}
