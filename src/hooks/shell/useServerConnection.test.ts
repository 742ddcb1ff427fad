// The console server's reachability against a real sandbox behind a switch that makes every
// request fail as a refused connection would: said at the first failure, queries paused with
// their data, found again by the /console/config check, and the paused queries then refetch.
import { onlineManager, QueryObserver } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import { getConsoleConfig } from '../../api/shell/consoleConfig.ts';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';
import { createQueryClient } from '../../startup/queryClient.ts';
import {
  acknowledgeReconnection,
  checkServerNow,
  getServerConnection,
  installServerReachability,
} from './useServerConnection.ts';

let sandbox: TestSandbox;
let restoreClient: () => void;
let down = false;
const requested: string[] = [];

beforeAll(() => {
  sandbox = createTestSandbox({ seedOrganizations: 3 });
  restoreClient = configureApiClient({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      requested.push(new URL(String(input), 'http://console.test').pathname);
      if (down) throw new TypeError('Failed to fetch');
      return sandbox.fetch(input, init);
    }) as typeof fetch,
  });
});
afterAll(() => {
  restoreClient();
  sandbox.close();
});

let uninstall = () => {};
afterEach(() => {
  uninstall();
  down = false;
  requested.length = 0;
});

describe('server reachability', () => {
  it('is said at the first request without an answer, once a check confirms it', async () => {
    uninstall = installServerReachability({ delaysMs: [60_000] });
    expect(getServerConnection().serverReachable).toBe(true);
    down = true;
    const before = Date.now();
    await expect(getConsoleConfig()).rejects.toMatchObject({ kind: 'network' });
    await waitFor(() => expect(getServerConnection().serverReachable).toBe(false));
    expect(getServerConnection().lostAtMs).toBeGreaterThanOrEqual(before);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(onlineManager.isOnline()).toBe(false);
  });

  it('changes nothing when one request is dropped while the server answers', async () => {
    uninstall = installServerReachability({ delaysMs: [60_000] });
    down = true;
    const failed = getConsoleConfig().catch(() => undefined);
    down = false;
    await failed;
    await waitFor(() => expect(requested.length).toBe(2));
    expect(getServerConnection().serverReachable).toBe(true);
    expect(onlineManager.isOnline()).toBe(true);
  });

  it('checks /console/config while away, and is back when it answers', async () => {
    uninstall = installServerReachability({ delaysMs: [20, 40] });
    down = true;
    await getConsoleConfig().catch(() => undefined);
    await waitFor(() =>
      expect(requested.filter((path) => path === '/console/config').length).toBeGreaterThan(2),
    );
    expect(getServerConnection().serverReachable).toBe(false);
    down = false;
    await waitFor(() => expect(getServerConnection().serverReachable).toBe(true));
    expect(onlineManager.isOnline()).toBe(true);
    expect(getServerConnection().backAtMs).not.toBeNull();
    acknowledgeReconnection();
    expect(getServerConnection().backAtMs).toBeNull();
  });

  it('"Check now" asks at once', async () => {
    uninstall = installServerReachability({ delaysMs: [60_000] });
    down = true;
    await getConsoleConfig().catch(() => undefined);
    down = false;
    requested.length = 0;
    checkServerNow();
    await waitFor(() => expect(getServerConnection().serverReachable).toBe(true));
    expect(requested).toEqual(['/console/config']);
  });

  it('keeps a query’s data while away, paused rather than failed, and refetches when back', async () => {
    uninstall = installServerReachability({ delaysMs: [30] });
    const queryClient = createQueryClient({ notify: () => undefined });
    // Mounted, as QueryClientProvider mounts it: it follows the onlineManager from then on.
    queryClient.mount();
    const observer = new QueryObserver(queryClient, {
      ...organizationQueries.total(sandbox.chatbotId),
      retryDelay: 10,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await waitFor(() => expect(observer.getCurrentResult().data).toBe(3));

    down = true;
    void observer.refetch();
    await waitFor(() => expect(observer.getCurrentResult().fetchStatus).toBe('paused'));
    expect(observer.getCurrentResult()).toMatchObject({ data: 3, status: 'success' });

    await sandbox.fetch(`/v1/chatbots/${sandbox.chatbotId}/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Made during the outage' }),
    });
    down = false;
    await waitFor(() => expect(observer.getCurrentResult().data).toBe(4));
    expect(observer.getCurrentResult().fetchStatus).toBe('idle');
    unsubscribe();
    queryClient.unmount();
    queryClient.clear();
  });
});
