// The hostile client of latency-under-attack.ts (a process of its own): the worst requests the
// limits accept (worst-requests.ts), one after another with no pause, until told to stop: for
// each kind of text a create and an update at the limits, searches of 5,000 characters and the
// delete; then pages of 250 records at the limits (the ones the parent stored).
import {
  apiClientHeaders,
  organizationsUrl,
  serveParent,
  type AttackerCommand,
  type AttackerReport,
} from './attack-protocol.ts';
import { TEXT_KINDS, WorstRequests } from './worst-requests.ts';

let stopping = false;
let loop: Promise<void> | undefined;
let requests = 0;
const statuses = new Map<number, number>();

serveParent(async (command) => {
  const order = command as AttackerCommand;
  if (order.kind === 'stop') {
    stopping = true;
    await loop;
    return { requests, statuses: [...statuses] } satisfies AttackerReport;
  }
  let firstAnswered: () => void = () => {};
  const first = new Promise<void>((resolve) => (firstAnswered = resolve));
  loop = attack(order.baseUrl, order.pageMark, () => firstAnswered());
  await Promise.race([first, loop]);
  return { requests, statuses: [...statuses] } satisfies AttackerReport;
});

async function attack(baseUrl: string, pageMark: string, answered: () => void): Promise<void> {
  const api = organizationsUrl(baseUrl);
  const worst = new WorstRequests();
  // Node's HTTP server answers a request line over 16 KB itself (431, no body, or the
  // connection closed: status 0 here): a search of 5,000 escaped CJK or accented characters
  // never reaches the sandbox, as on the console server.
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    let status = 0;
    let parsed: unknown;
    try {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: apiClientHeaders(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = response.status;
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.startsWith('application/json');
      if (isJson) parsed = JSON.parse(text) as unknown;
    } catch (error) {
      if (!(error instanceof TypeError) || error.message !== 'fetch failed') throw error;
    }
    if (status >= 500) throw new Error(`${method} ${path}: status ${status}`);
    requests++;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    answered();
    return parsed;
  };
  const search = (query: string, pageSize: number) =>
    send('GET', `/search?query=${encodeURIComponent(query)}&page=1&pageSize=${pageSize}`);
  while (!stopping) {
    for (const kind of TEXT_KINDS) {
      if (stopping) return;
      const created = (await send('POST', '', worst.create(kind))) as
        { organization?: { id: string } } | undefined;
      const update = worst.update(kind);
      if (created?.organization) {
        await send('PATCH', `/${created.organization.id}`, update);
      }
      await search(update.organization.name, 50);
      await search(WorstRequests.misspelt(update.organization.name), 50);
      await search(worst.query(kind), 50);
      if (created?.organization) await send('DELETE', `/${created.organization.id}`);
    }
    if (stopping) return;
    await send('GET', '?limit=250');
    await search('*', 250);
    await search(pageMark, 250);
  }
}
