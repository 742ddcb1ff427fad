// The first page's data as it travels from the console server to the browser: the answers the
// server recorded (server/page-html.ts embeds them in the page), and the transports that record
// them on the server and replay them in the browser (src/startup/startData/startData.ts for the console's
// pages, src/startup/startData/lookupStartData.ts for the lookup page's own small bundle).
import type { ApiTransport } from '../../api/client.ts';

/** The id of the `<script type="application/json">` that carries the data in the page. */
export const START_DATA_ELEMENT_ID = 'console-start-data';

/** One answer of the API as the server received it (2xx only). */
export interface RecordedAnswer {
  /** The request's URL as src/api built it (path and query). */
  url: string;
  status: number;
  body: unknown;
}

/** What the server embeds: the answers its render used, and its clock at that render. */
export interface StartData {
  version: 1;
  /** The server's `Date.now()` at the render: relative times must read the same in the browser. */
  nowMs: number;
  /** Whether the HTML in #root was rendered with these answers (the browser adopts it). */
  rendered: boolean;
  answers: RecordedAnswer[];
}

/** A transport that asks `send` and keeps a copy of every 2xx JSON answer in `answers`. */
export function recordingTransport(send: ApiTransport, answers: RecordedAnswer[]): ApiTransport {
  return async (url, init) => {
    const response = await send(url, init);
    if (!response.ok) return response;
    const text = await response.text();
    try {
      answers.push({ url, status: response.status, body: JSON.parse(text) as unknown });
    } catch {
      // Not JSON: src/api refuses it below, and the page is then sent without data.
    }
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

/** A transport that answers from `answers` only; any other request fails (nothing is fetched). */
export function replayTransport(answers: readonly RecordedAnswer[]): ApiTransport {
  const byUrl = new Map(answers.map((answer) => [answer.url, answer]));
  return (url, init) => {
    const answer = byUrl.get(url);
    if (answer === undefined || (init.method ?? 'GET') !== 'GET') {
      return Promise.reject(new Error(`${url} is not in the page's data`));
    }
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
}

/**
 * Runs a page's own query code (`fill`) over the answers the server embedded, so they land in the
 * cache as fetched ones would; false when there are none, the page has no data (`fill`
 * undefined) or they do not fit it (the page then fetches as it would without).
 */
export async function replayStartData(
  data: StartData | undefined,
  fill: ((transport: ApiTransport) => Promise<void>) | undefined,
): Promise<boolean> {
  if (data === undefined || fill === undefined) return false;
  try {
    await fill(replayTransport(data.answers));
    return true;
  } catch {
    return false;
  }
}

/** Reads what the server embedded in the page (undefined when none, or unreadable). */
export function readStartData(document: Document): StartData | undefined {
  const element = document.getElementById(START_DATA_ELEMENT_ID);
  if (element === null) return undefined;
  try {
    const data = JSON.parse(element.textContent ?? '') as Partial<StartData> | null;
    if (data?.version !== 1 || !Array.isArray(data.answers)) return undefined;
    return data as StartData;
  } catch {
    return undefined;
  }
}
