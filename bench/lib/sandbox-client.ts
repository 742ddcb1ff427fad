import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../server/sandbox/api-keys.ts';
import type { Sandbox } from '../../server/sandbox/contract.ts';
import { API_KEY_HEADER } from '../../server/sandbox/http/authorize.ts';
import { BlockProbe } from './block-probe.ts';
import { cpuMilliseconds, eventLoopCpuMs } from './measure.ts';
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
    timings?.add(performance.now() - started, cpuMilliseconds(process.cpuUsage(cpuStarted)));
    checkStatus(method, path, response.status, expectedStatus, parsed);
    return parsed;
  }

  /**
   * `call` timed on the sandbox's side only, its CPU time the event loop thread's (to a
   * scheduler tick; measure.ts) and the whole process's: from the request with its body already
   * serialised to the response's bytes, read from its stream as @hono/node-server writes a
   * response to the socket (the caller's own JSON work, and decoding the bytes, are left out;
   * so is `Response.arrayBuffer()`, whose copying in undici costs more than the sandbox itself
   * for a body of many megabytes); gives the status and the size too, and the longest time the
   * event loop had no turn meanwhile (block-probe.ts), in CPU and wall milliseconds.
   */
  async sandboxSide<T>(
    method: string,
    path: string,
    expectedStatus: readonly number[],
    timings: TimingSink,
    body?: unknown,
  ): Promise<{
    status: number;
    body: T;
    bytes: number;
    processCpuMs: number;
    longestBlock: { longestCpuMs: number; longestWallMs: number };
  }> {
    const request = this.request(method, path, body);
    const started = performance.now();
    const cpuStarted = eventLoopCpuMs();
    const processCpuStarted = process.cpuUsage();
    const probe = new BlockProbe();
    const response = await this.sandbox.fetch(request);
    const chunks = await readChunks(response);
    const longestBlock = probe.stop();
    timings.add(performance.now() - started, eventLoopCpuMs() - cpuStarted);
    const processCpu = process.cpuUsage(processCpuStarted);
    const bytes = Buffer.concat(chunks);
    const parsed = JSON.parse(bytes.toString('utf8')) as T;
    checkStatus(method, path, response.status, expectedStatus, parsed);
    const processCpuMs = (processCpu.user + processCpu.system) / 1000;
    return {
      status: response.status,
      body: parsed,
      bytes: bytes.length,
      processCpuMs,
      longestBlock,
    };
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

/** The body's chunks as a server writing them to a socket would take them. */
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  if (!response.body) return chunks;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
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
