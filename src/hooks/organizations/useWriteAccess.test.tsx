import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, configureApiClient } from '../../api/client.ts';
import { keyDenialReason } from '../../lib/session/access.ts';
import { createTestQueryClient, TestProviders } from '../../test/render.tsx';
import { createTestSandbox, READ_ONLY_KEY } from '../../test/sandbox.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';
import { recordWriteDenied, useWriteAccess } from './useWriteAccess.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const undo of cleanups.splice(0)) undo();
});

/** A console (local mode) over a real sandbox whose key is `key`; requests counted. */
function consoleWithKey(key?: string) {
  const sandbox = createTestSandbox({ key });
  const requested: string[] = [];
  const restore = configureApiClient({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      requested.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return sandbox.fetch(input, init);
    }) as typeof fetch,
  });
  cleanups.push(restore, () => sandbox.close());
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>{children}</TestProviders>
  );
  return { sandbox, requested, queryClient, wrapper };
}

describe('useWriteAccess', () => {
  it('disables every write of a read-only key from one session request, without probing', async () => {
    const { requested, wrapper, sandbox } = consoleWithKey(READ_ONLY_KEY);
    const { result } = renderHook(() => useWriteAccess(sandbox.chatbotId), { wrapper });
    await waitFor(() =>
      expect(result.current).toEqual({
        createOrganization: keyDenialReason('createOrganization'),
        updateOrganization: keyDenialReason('updateOrganization'),
        deleteOrganization: keyDenialReason('deleteOrganization'),
      }),
    );
    expect(requested).toEqual(['GET /console/session']);
  });

  it('denies nothing with the full-access key in local mode', async () => {
    const { wrapper, sandbox, queryClient } = consoleWithKey();
    const { result } = renderHook(() => useWriteAccess(sandbox.chatbotId), { wrapper });
    await waitFor(() =>
      expect(queryClient.getQueryData(consoleQueries.session().queryKey)).toBeDefined(),
    );
    expect(result.current).toEqual({});
  });

  it('remembers a 403 a write met (a key the console cannot ask about)', async () => {
    const { wrapper, sandbox, queryClient } = consoleWithKey();
    const { result } = renderHook(() => useWriteAccess(sandbox.chatbotId), { wrapper });
    await waitFor(() =>
      expect(queryClient.getQueryData(consoleQueries.session().queryKey)).toBeDefined(),
    );
    const refused = new ApiError({
      kind: 'http',
      operation: 'deleteOrganization',
      status: 403,
      reason: 'The API key is not allowed to delete organizations.',
    });
    expect(recordWriteDenied(queryClient, sandbox.chatbotId, refused)).toBe(true);
    await waitFor(() =>
      expect(result.current).toEqual({
        deleteOrganization: keyDenialReason('deleteOrganization'),
      }),
    );
  });
});
