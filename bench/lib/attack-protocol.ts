// Messages between `npm run bench:api` and its two client processes (latency-under-attack.ts).
import { FULL_ACCESS_KEY, SANDBOX_CHATBOT_ID } from '../../server/sandbox/api-keys.ts';
import { API_KEY_HEADER } from '../../server/sandbox/http/authorize.ts';

/** Time `runs` requests (list pages and searches, alternately) against `baseUrl`. */
export interface SecondClientCommand {
  baseUrl: string;
  queries: string[];
  runs: number;
}

/** Wall milliseconds of each request, from sending it to its parsed body. */
export interface SecondClientReport {
  list: number[];
  search: number[];
}

/** Start sending hostile requests back to back (answered once the first is answered), or stop. */
export type AttackerCommand =
  { kind: 'start'; baseUrl: string; pageMark: string } | { kind: 'stop' };

/** Hostile requests answered so far, and how many got each status (0: connection closed). */
export interface AttackerReport {
  requests: number;
  statuses: [status: number, count: number][];
}

export function organizationsUrl(baseUrl: string): string {
  return `${baseUrl}/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`;
}

/** The headers of an API client with the sandbox's full-access key. */
export function apiClientHeaders(json: boolean): Record<string, string> {
  const headers: Record<string, string> = { [API_KEY_HEADER]: FULL_ACCESS_KEY };
  if (json) headers['content-type'] = 'application/json';
  return headers;
}

/** Answers every command of the parent with `handle`'s result, or with its error. */
export function serveParent(handle: (command: unknown) => Promise<unknown>): void {
  process.on('message', (command) => {
    handle(command).then(
      (answer) => process.send?.(answer),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  // The parent gone, nothing is left to do.
  process.on('disconnect', () => process.exit(0));
}
