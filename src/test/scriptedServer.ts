// A real HTTP server on a free local port whose answers a test writes: for behaviour the sandbox
// never shows (stalls, 429/503 with Retry-After, answers that break the contract). Everything the
// contract does allow is tested against the sandbox instead (sandbox.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type ScriptedHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ScriptedServer {
  /** "http://127.0.0.1:<port>", for `configureApiClient({ baseUrl })`. */
  baseUrl: string;
  /** Requests received so far: method, URL path with query, headers (lower-case names). */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(handler: ScriptedHandler): Promise<ScriptedServer> {
  const requests: ScriptedServer['requests'] = [];
  const server = createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: { ...request.headers },
    });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Stalled responses would keep the server open forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Answers with a JSON body, a status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A local URL where nothing listens: the port of a server that was just closed. */
export async function unusedLocalUrl(): Promise<string> {
  const server = await startScriptedServer(() => {});
  await server.close();
  return server.baseUrl;
}
