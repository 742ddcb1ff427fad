// The console QueryClient: retries as retry.ts says, and the notification rule: a failed refetch
// of data already on screen says so; a failed first load or mutation does not (its screen shows
// the error where it happened).
import { notifications, notificationsStore } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, configureApiClient } from '../api/client.ts';
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
} from '../api/organizations/organizations.ts';
import { renderWithProviders } from '../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../test/sandbox.ts';
import { organizationQueries } from '../hooks/queries/organizationQueries.ts';
import { createQueryClient, GC_TIME_MS, STALE_TIME_MS } from './queryClient.ts';

let sandbox: TestSandbox;
beforeAll(() => {
  sandbox = createTestSandbox();
  vi.stubGlobal('fetch', sandbox.fetch);
});
afterAll(() => {
  vi.unstubAllGlobals();
  sandbox.close();
});
afterEach(() => {
  act(() => notifications.clean());
});

function OrganizationName({ organizationId }: { organizationId: string }) {
  const { data, error } = useQuery(organizationQueries.detail(sandbox.chatbotId, organizationId));
  // Saved data first: after a failed refetch the query has both data and an error.
  if (data) return <h1>{data.organization?.name}</h1>;
  if (error) return <p role="alert">{error.message}</p>;
  return <p>Loading…</p>;
}

/** The toasts shown, once any whose code was still loading (hooks/shell/useToasts.ts) have arrived. */
async function shownNotifications(): Promise<string[]> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return notificationsStore.getState().notifications.map((item) => String(item.message));
}

async function newOrganization(name: string): Promise<string> {
  const { organization } = await createOrganization({
    chatbotId: sandbox.chatbotId,
    body: { name },
  });
  return organization?.id ?? '';
}

describe('createQueryClient', () => {
  it('keeps data fresh for 30 s and in memory for 10 minutes', () => {
    const options = createQueryClient().getDefaultOptions().queries;
    expect(options?.staleTime).toBe(STALE_TIME_MS);
    expect(STALE_TIME_MS).toBe(30_000);
    expect(options?.gcTime).toBe(GC_TIME_MS);
  });

  it('tries a 503 again as soon as Retry-After allows, then has the data', async () => {
    const organizationId = await newOrganization('Flaky Backend AG');
    const sent: number[] = [];
    // Fault injection in front of the real sandbox: the first two answers are "busy, retry now".
    const flakyFetch: typeof fetch = async (input, init) => {
      sent.push(Date.now());
      if (sent.length <= 2) {
        return Response.json({ error: 'Busy.' }, { status: 503, headers: { 'retry-after': '0' } });
      }
      return sandbox.fetch(input, init);
    };
    const restore = configureApiClient({ fetch: flakyFetch });
    try {
      const started = Date.now();
      const answer = await createQueryClient().fetchQuery(
        organizationQueries.detail(sandbox.chatbotId, organizationId),
      );
      expect(answer.organization?.name).toBe('Flaky Backend AG');
      expect(sent).toHaveLength(3);
      // Retry-After: 0 overrides the 0.5–1 s backoff of a first retry.
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      restore();
    }
  });

  it('does not try a 404 again', async () => {
    let sent = 0;
    const countingFetch: typeof fetch = (input, init) => {
      sent++;
      return sandbox.fetch(input, init);
    };
    const restore = configureApiClient({ fetch: countingFetch });
    try {
      const failure = await createQueryClient()
        .fetchQuery(organizationQueries.detail(sandbox.chatbotId, 'never-existed'))
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApiError);
      expect(sent).toBe(1);
    } finally {
      restore();
    }
  });

  it('a failed first load: the screen shows the error, no notification', async () => {
    renderWithProviders(<OrganizationName organizationId="never-existed" />, {
      queryClient: createQueryClient({ retry: false }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Couldn't load the organization: it was not found",
    );
    expect(await shownNotifications()).toEqual([]);
  });

  it('a failed background refetch: saved data stays and a notification says so, once', async () => {
    const organizationId = await newOrganization('Saved Name GmbH');
    const { queryClient } = renderWithProviders(
      <OrganizationName organizationId={organizationId} />,
      { queryClient: createQueryClient({ retry: false }) },
    );
    expect(await screen.findByRole('heading', { name: 'Saved Name GmbH' })).toBeInTheDocument();

    await deleteOrganization({ chatbotId: sandbox.chatbotId, organizationId });
    const detailKey = organizationQueries.detail(sandbox.chatbotId, organizationId).queryKey;
    await act(() => queryClient.refetchQueries({ queryKey: detailKey }));
    await act(() => queryClient.refetchQueries({ queryKey: detailKey }));

    expect(
      await screen.findByText(
        "Couldn't refresh the organization: it was not found (it may have been deleted). Showing saved data.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Saved Name GmbH' })).toBeInTheDocument();
    expect(await shownNotifications()).toHaveLength(1);
  });

  it('a failed mutation: no notification (the form shows it)', async () => {
    function RenameMissing() {
      const rename = useMutation({
        mutationFn: () =>
          updateOrganization({
            chatbotId: sandbox.chatbotId,
            organizationId: 'missing',
            organization: { name: 'x', variables: {} },
          }),
      });
      return (
        <>
          <button type="button" onClick={() => rename.mutate()}>
            Rename
          </button>
          {rename.error && <p role="alert">{rename.error.message}</p>}
        </>
      );
    }
    const { user } = renderWithProviders(<RenameMissing />, {
      queryClient: createQueryClient(),
    });
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't save the organization");
    expect(await shownNotifications()).toEqual([]);
  });
});
