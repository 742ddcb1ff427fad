// `npm run check:api`: is the configured ChatCaptain API reachable with the configured key and
// chatbot? Asks the list operation for one organization, as the console would, and prints one
// verdict a person can act on. The key is never printed, and neither is anything the API answers
// that could contain it (only its `error` text, with every form of the key redacted).
import { loadBackendConfig, type UpstreamBackendConfig } from './config.ts';
import { API_KEY_HEADER } from './sandbox/http/authorize.ts';
import { keyEchoes } from './upstream/key-echo.ts';

export interface ApiCheck {
  ok: boolean;
  /** Lines for a person: what was asked, what came back, what to do. */
  lines: string[];
}

/** The longest `error` text of an answer that is shown. */
const SHOWN_ERROR_CHARS = 200;

/** Asks `GET …/organizations?limit=1` of the configured upstream and says what the answer means. */
export async function checkApi(
  env: Readonly<Record<string, string | undefined>>,
  fetchImpl: typeof fetch = fetch,
): Promise<ApiCheck> {
  let backend;
  let chatbotId: string;
  try {
    const config = loadBackendConfig(env);
    backend = config.backend;
    chatbotId = config.defaultChatbotId;
  } catch (error) {
    return { ok: false, lines: [`Configuration: ${(error as Error).message}`] };
  }
  if (backend.mode === 'sandbox') {
    return {
      ok: false,
      lines: [
        'CHATCAPTAIN_API_URL is not set: the console runs over its built-in sandbox, so there is no API to check.',
        'Set CHATCAPTAIN_API_URL, CHATCAPTAIN_API_KEY and CHATCAPTAIN_CHATBOT_ID (see the README, "Over the real API").',
      ],
    };
  }
  if (backend.apiKey === undefined) {
    return {
      ok: false,
      lines: [
        'CHATCAPTAIN_API_KEY is not set: every request to the API would go without a key.',
        'Make a key in the ChatCaptain dashboard under Settings → API and set CHATCAPTAIN_API_KEY.',
      ],
    };
  }
  return checkUpstream(backend, chatbotId, fetchImpl);
}

async function checkUpstream(
  backend: UpstreamBackendConfig,
  chatbotId: string,
  fetchImpl: typeof fetch,
): Promise<ApiCheck> {
  const url = `${backend.baseUrl}/v1/chatbots/${encodeURIComponent(chatbotId)}/organizations?limit=1`;
  const asked = `GET ${url}`;
  const echoes = keyEchoes(backend.apiKey);
  const started = performance.now();
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { [API_KEY_HEADER]: backend.apiKey ?? '', accept: 'application/json' },
      signal: AbortSignal.timeout(backend.timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      lines: [
        asked,
        timedOut
          ? `No answer within ${backend.timeoutMs} ms (UPSTREAM_TIMEOUT_MS).`
          : `The API could not be reached (${echoes.redact(String((error as Error).cause ?? error))}). Check CHATCAPTAIN_API_URL and the network.`,
      ],
    };
  }
  const tookMs = Math.round(performance.now() - started);
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const errorText =
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'string'
      ? echoes.redact((body as { error: string }).error).slice(0, SHOWN_ERROR_CHARS)
      : undefined;
  const answered = `${asked} → ${response.status} in ${tookMs} ms${errorText ? `: "${errorText}"` : ''}`;

  if (response.ok) {
    const organizations = (body as { organizations?: unknown } | undefined)?.organizations;
    if (!Array.isArray(organizations)) {
      return {
        ok: false,
        lines: [
          answered,
          'The answer is not the organizations list the contract describes: is CHATCAPTAIN_API_URL the API (e.g. https://api.chatcaptain.com), not the dashboard?',
        ],
      };
    }
    return {
      ok: true,
      lines: [
        answered,
        `OK: the key reads the organizations of chatbot "${chatbotId}" (${organizations.length === 0 ? 'it has none yet' : 'at least one found'}).`,
      ],
    };
  }
  const advice: Record<number, string> = {
    401: 'The API does not accept the key: check CHATCAPTAIN_API_KEY (it is shown in full only once, when made).',
    403: `The key may not list the organizations of chatbot "${chatbotId}": a key belongs to one chatbot and needs chatbots.organizations.list. Check CHATCAPTAIN_CHATBOT_ID and the key's permissions.`,
    404: `Not found: check CHATCAPTAIN_CHATBOT_ID ("${chatbotId}") and that CHATCAPTAIN_API_URL has no path.`,
    429: 'The API asks to slow down (429): try again in a minute.',
  };
  return {
    ok: false,
    lines: [
      answered,
      advice[response.status] ??
        (response.status >= 300 && response.status < 400
          ? 'The API redirects: CHATCAPTAIN_API_URL should be the address it answers at.'
          : `The API answered ${response.status}: try again later, or check CHATCAPTAIN_API_URL.`),
    ],
  };
}
