import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json' with { type: 'json' };
import {
  startScriptedServer,
  sendJson,
  unusedLocalUrl,
  type ScriptedServer,
} from '../test/scriptedServer.ts';
import { createTestSandbox, READ_ONLY_KEY, type TestSandbox } from '../test/sandbox.ts';
import { ApiError, apiPath, configureApiClient, parseRetryAfter } from './client.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  searchOrganizations,
  updateOrganization,
} from './organizations/organizations.ts';

let restoreClient: (() => void) | undefined;
afterEach(() => {
  restoreClient?.();
  restoreClient = undefined;
});

/** The ApiError a call rejects with (fails the test when it resolves or throws something else). */
async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('errors the sandbox answers with', () => {
  let sandbox: TestSandbox;
  let readOnly: TestSandbox;
  let badKey: TestSandbox;
  beforeAll(() => {
    sandbox = createTestSandbox();
    readOnly = createTestSandbox({ key: READ_ONLY_KEY });
    badKey = createTestSandbox({ key: 'CCSB-not-a-real-key' });
  });
  afterAll(() => {
    sandbox.close();
    readOnly.close();
    badKey.close();
  });

  it('400: the status, the server text and a message that says what was refused', async () => {
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    const error = await apiErrorOf(
      // `name` is required by the contract; size must be a number.
      createOrganization({
        chatbotId: sandbox.chatbotId,
        body: { size: 'many' } as unknown as { name: string },
      }),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      operation: 'createOrganization',
      requiredPermission: undefined,
    });
    expect(error.serverMessage).toMatch(/name/);
    expect(error.message).toBe(
      `Couldn't create the organization: the server refused the data: ${error.serverMessage}`,
    );
  });

  it('401: a key the API does not know', async () => {
    restoreClient = configureApiClient({ fetch: badKey.fetch });
    const error = await apiErrorOf(listOrganizations({ chatbotId: badKey.chatbotId }));
    expect(error).toMatchObject({ kind: 'http', status: 401, operation: 'listOrganizations' });
    expect(error.serverMessage).toBeTruthy();
    expect(error.message).toBe(
      "Couldn't load organizations: the API key was missing or not accepted.",
    );
  });

  it('403: names the permission the operation needs, in code and in plain words', async () => {
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    const { organization } = await createOrganization({
      chatbotId: sandbox.chatbotId,
      body: { name: 'Read-only target' },
    });
    // The read-only sandbox is another database; the id does not matter for a permission check.
    restoreClient();
    restoreClient = configureApiClient({ fetch: readOnly.fetch });
    const error = await apiErrorOf(
      updateOrganization({
        chatbotId: readOnly.chatbotId,
        organizationId: organization?.id ?? 'missing',
        organization: { name: 'Renamed', variables: {} },
      }),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 403,
      operation: 'updateOrganization',
      requiredPermission: 'chatbots.organizations.edit',
      serverMessage: 'Insufficient permissions.',
    });
    expect(error.message).toBe(
      "Couldn't save the organization: the API key is not allowed to edit organizations.",
    );

    const deleteError = await apiErrorOf(
      deleteOrganization({ chatbotId: readOnly.chatbotId, organizationId: 'any' }),
    );
    expect(deleteError.requiredPermission).toBe('chatbots.organizations.delete');
  });

  it('404: an organization that does not exist', async () => {
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    const error = await apiErrorOf(
      getOrganization({ chatbotId: sandbox.chatbotId, organizationId: 'no-such-organization' }),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      operation: 'getOrganization',
      serverMessage: 'Organization not found.',
      requiredPermission: undefined,
    });
    expect(error.message).toBe(
      "Couldn't load the organization: it was not found (it may have been deleted).",
    );
  });

  it('sends every hostile string as one path segment: it reaches the organization route and nothing else', async () => {
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    const ids = (hostileStrings as string[]).filter((text) => text !== '' && !/^\.+$/.test(text));
    for (const id of ids) {
      const error = await apiErrorOf(
        getOrganization({ chatbotId: sandbox.chatbotId, organizationId: id }),
      );
      expect({ id, status: error.status, server: error.serverMessage }).toEqual({
        id,
        status: 404,
        server: 'Organization not found.',
      });
    }
    // A hostile chatbot id is some other chatbot: the key's grant does not cover it.
    for (const chatbotId of ids.slice(0, 8)) {
      const error = await apiErrorOf(listOrganizations({ chatbotId }));
      expect({ chatbotId, status: error.status }).toEqual({ chatbotId, status: 403 });
    }
  });

  it('a record whose email and website break their `format` claims still reaches the caller', async () => {
    restoreClient = configureApiClient({ fetch: sandbox.fetch });
    const created = await createOrganization({
      chatbotId: sandbox.chatbotId,
      body: { name: 'Format claims ignored', email: 'not an email', website: 'www.no-scheme' },
    });
    const { organizations } = await listOrganizations({ chatbotId: sandbox.chatbotId });
    const listed = organizations.find((entry) => entry.id === created.organization?.id);
    expect(listed).toMatchObject({ email: 'not an email', website: 'www.no-scheme' });
  });
});

describe('apiPath', () => {
  it('percent-encodes every segment', () => {
    expect(apiPath('v1', 'a/b?c#d%e f')).toBe('/v1/a%2Fb%3Fc%23d%25e%20f');
  });

  it('any other string survives URL parsing as exactly one segment, unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1 }).filter((text) => !/^\.+$/.test(text)),
        (id) => {
          const { pathname } = new URL(`http://console.test${apiPath('v1', id, 'contacts')}`);
          const segments = pathname.split('/').slice(1);
          expect(segments).toHaveLength(3);
          expect(decodeURIComponent(segments[1] ?? '')).toBe(id);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses segments a URL would resolve as directory steps, or that are empty', () => {
    expect(() => apiPath('v1', '..')).toThrow(RangeError);
    expect(() => apiPath('v1', '.')).toThrow(RangeError);
    expect(() => apiPath('v1', '')).toThrow(RangeError);
  });
});

describe('failures without a contract answer', () => {
  let server: ScriptedServer;
  let respond: Parameters<typeof startScriptedServer>[0] = () => {};
  beforeAll(async () => {
    server = await startScriptedServer((request, response) => respond(request, response));
  });
  afterAll(() => server.close());

  it('network: nothing listens at the address', async () => {
    restoreClient = configureApiClient({ baseUrl: await unusedLocalUrl() });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error).toMatchObject({ kind: 'network', status: null, operation: 'listOrganizations' });
    expect(error.message).toBe(
      "Couldn't load organizations: the server could not be reached. Check the connection and try again.",
    );
  });

  it('timeout: no headers within the time limit', async () => {
    respond = () => {}; // never answers
    restoreClient = configureApiClient({ baseUrl: server.baseUrl, timeoutMs: 150 });
    const started = Date.now();
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(error.message).toBe(
      "Couldn't load organizations: the server did not answer within 0.15 seconds.",
    );
  });

  it('timeout: headers arrive but the body stalls', async () => {
    respond = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"organizations": [');
    };
    restoreClient = configureApiClient({ baseUrl: server.baseUrl, timeoutMs: 150 });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error.kind).toBe('timeout');
  });

  it('abort: the caller cancels; the promise rejects with the AbortError, not an ApiError', async () => {
    respond = () => {};
    restoreClient = configureApiClient({ baseUrl: server.baseUrl, timeoutMs: 10_000 });
    const controller = new AbortController();
    const call = listOrganizations({ chatbotId: 'demo' }, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const reason = await call.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(reason).not.toBeInstanceOf(ApiError);
    expect(reason).toMatchObject({ name: 'AbortError' });

    const aborted = new AbortController();
    aborted.abort();
    const before = server.requests.length;
    await expect(listOrganizations({ chatbotId: 'demo' }, aborted.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests.length).toBe(before);
  });

  it('invalid-response: names the path of every field that breaks the contract', async () => {
    respond = (_request, response) =>
      sendJson(response, 200, {
        organizations: [
          { id: 'a', name: 'Fine', created: 'x', updated: 'x', variables: {} },
          { id: 7, name: 'Wrong id type', created: 'x', updated: 'x', variables: {} },
          { id: 'c', created: 'x', updated: 'x', variables: { k: 1 } },
        ],
      });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(error.message).toBe(
      "Couldn't load organizations: the server's answer did not match the API contract (" +
        'organizations[1].id: expected a string, got a number; ' +
        'organizations[2].name: expected a string, got nothing; ' +
        'organizations[2].variables.k: expected a string, got a number).',
    );
  });

  it('invalid-response: shows the first three problems and counts the rest; odd keys are quoted', async () => {
    const broken = Array.from({ length: 250 }, (_, index) => ({
      id: `id${index}`,
      name: 'Broken variables',
      created: 'x',
      updated: 'x',
      variables: { 'a.b': 1 },
    }));
    respond = (_request, response) => sendJson(response, 200, { organizations: broken });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error.reason).toBe(
      "The server's answer did not match the API contract (" +
        'organizations[0].variables["a.b"]: expected a string, got a number; ' +
        'organizations[1].variables["a.b"]: expected a string, got a number; ' +
        'organizations[2].variables["a.b"]: expected a string, got a number; and 247 more).',
    );
  });

  it('invalid-response: a body that is JSON but not an object names the whole answer', async () => {
    respond = (_request, response) => sendJson(response, 200, ['not', 'an', 'object']);
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error.reason).toBe(
      "The server's answer did not match the API contract (the whole answer: expected an object, got an array).",
    );
  });

  it('invalid-response: a 200 whose body is not JSON', async () => {
    respond = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>proxy login</html>');
    };
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const error = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('not JSON');
  });

  it('a 200 that carries `error` returns it with the data; unknown extra fields are dropped', async () => {
    respond = (_request, response) =>
      sendJson(response, 200, {
        results: null,
        error: 'Search index is rebuilding.',
        addedLater: true,
      });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const answer = await searchOrganizations({
      chatbotId: 'demo',
      query: 'x',
      page: 1,
      pageSize: 10,
    });
    expect(answer).toEqual({ results: null, error: 'Search index is rebuilding.' });
  });

  it('429 and 503: Retry-After in seconds or as an HTTP date becomes retryAfterMs', async () => {
    respond = (_request, response) =>
      sendJson(response, 429, { error: 'Slow down.' }, { 'retry-after': '7' });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const tooMany = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(tooMany).toMatchObject({
      kind: 'http',
      status: 429,
      retryAfterMs: 7000,
      serverMessage: 'Slow down.',
    });

    const in30s = new Date(Date.now() + 30_000).toUTCString();
    respond = (_request, response) => sendJson(response, 503, {}, { 'retry-after': in30s });
    const unavailable = await apiErrorOf(listOrganizations({ chatbotId: 'demo' }));
    expect(unavailable).toMatchObject({ status: 503, serverMessage: undefined });
    expect(unavailable.retryAfterMs).toBeGreaterThan(27_000);
    expect(unavailable.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(unavailable.message).toBe(
      "Couldn't load organizations: the server is unavailable at the moment (HTTP 503).",
    );
  });

  it('5xx: says whether the API was unreachable, slow or failing', async () => {
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const reasons: Record<number, string> = {};
    for (const status of [500, 502, 504]) {
      respond = (_request, response) => sendJson(response, status, { error: 'Upstream says no.' });
      const error = await apiErrorOf(getOrganization({ chatbotId: 'demo', organizationId: 'x' }));
      expect(error).toMatchObject({ kind: 'http', status, serverMessage: 'Upstream says no.' });
      reasons[status] = error.reason;
    }
    expect(reasons).toEqual({
      500: 'The server had a problem (HTTP 500).',
      502: 'The ChatCaptain API could not be reached (HTTP 502).',
      504: 'The ChatCaptain API did not answer in time (HTTP 504).',
    });
  });

  it('sends same-origin paths, encoded, with only the query parameters it was given', async () => {
    respond = (_request, response) => sendJson(response, 200, { organizations: [] });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const before = server.requests.length;
    await listOrganizations({ chatbotId: 'a b', pageToken: '2024-09-29T07:08:00Z', limit: 25 });
    await listOrganizations({ chatbotId: 'demo' });
    expect(server.requests.slice(before).map(({ method, url }) => ({ method, url }))).toEqual([
      {
        method: 'GET',
        url: '/v1/chatbots/a%20b/organizations?pageToken=2024-09-29T07%3A08%3A00Z&limit=25',
      },
      { method: 'GET', url: '/v1/chatbots/demo/organizations' },
    ]);
  });

  it('a very long server text stays whole in serverMessage but is cut short in the message', async () => {
    const longText = `name: ${'x'.repeat(5000)}`;
    respond = (_request, response) => sendJson(response, 400, { error: longText });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const error = await apiErrorOf(createOrganization({ chatbotId: 'demo', body: { name: 'y' } }));
    expect(error.serverMessage).toBe(longText);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(
      /^Couldn't create the organization: the server refused the data: name: x+…$/,
    );
  });

  it('never sends an API key: the console server adds it, so no key reaches the browser', async () => {
    respond = (_request, response) => sendJson(response, 200, { organization: undefined });
    restoreClient = configureApiClient({ baseUrl: server.baseUrl });
    const before = server.requests.length;
    await createOrganization({ chatbotId: 'demo', body: { name: 'No key' } });
    await getOrganization({ chatbotId: 'demo', organizationId: 'x' });
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(2);
    for (const { headers } of sent) {
      expect(headers['x-chatcaptain-key']).toBeUndefined();
      expect(headers.accept).toBe('application/json');
      // The console server's proof that the request comes from its own page.
      expect(headers['x-console-request']).toBe('1');
    }
    expect(sent[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds, HTTP dates (a past one is 0) and ignores anything else', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
