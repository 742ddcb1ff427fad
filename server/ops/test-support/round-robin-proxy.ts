// For the replica tests and `npm run bench:replicas`: a small load balancer in front of console
// replicas (Node's http, nothing else). Each request goes to the next replica in turn; a replica
// that refuses the connection (killed) is skipped and the request tried on the next, as a load
// balancer whose health check (/readyz) marked it down would. The request is passed on as it came
// (its Host stays the balancer's, which is the console's CONSOLE_URL), with X-Forwarded-For added.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** http://localhost:PORT */
  readonly url: string;
  /** Requests each replica answered, by its index. */
  readonly served: readonly number[];
  /** Sends every request to this replica (its index) while set; undefined: round robin. */
  pin(index: number | undefined): void;
  close(): Promise<void>;
}

/** Bodies are buffered to be replayable on another replica; the console refuses above 1 MiB. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function startRoundRobinProxy(
  replicaPorts: readonly number[],
  port = 0,
): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const served = replicaPorts.map(() => 0);
  let next = 0;
  let pinned: number | undefined;

  const forward = (
    incoming: IncomingMessage,
    body: Buffer,
    index: number,
  ): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const headers = { ...incoming.headers };
      const peer = incoming.socket.remoteAddress ?? '';
      headers['x-forwarded-for'] = headers['x-forwarded-for']
        ? `${String(headers['x-forwarded-for'])}, ${peer}`
        : peer;
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: replicaPorts[index],
          method: incoming.method,
          path: incoming.url,
          headers,
          agent,
        },
        resolve,
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        outgoing.writeHead(413).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const order =
        pinned !== undefined
          ? [pinned]
          : replicaPorts.map((_, offset) => (next + offset) % replicaPorts.length);
      next = (next + 1) % replicaPorts.length;
      void (async () => {
        for (const index of order) {
          let answer: IncomingMessage;
          try {
            answer = await forward(incoming, body, index);
          } catch {
            // Refused or reset before an answer: that replica is down; the next one may take it.
            continue;
          }
          served[index] = (served[index] ?? 0) + 1;
          outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
          answer.pipe(outgoing);
          return;
        }
        outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('no replica answered');
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${bound}`,
    served,
    pin(index) {
      pinned = index;
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
