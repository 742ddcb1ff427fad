// For hook tests about how the page reacts to one kind of answer (a 401, a failed sign-out): the
// API client's every request gets the same JSON answer.
import { configureApiClient } from '../api/client.ts';

/** Points the API client at a fetch answering `status` with `body`; returns what undoes it. */
export function answerEveryRequest(status: number, body: unknown): () => void {
  return configureApiClient({
    fetch: (async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch,
  });
}
