// The one render helper for component, page and hook tests: Mantine (env="test": no transitions),
// Mantine notifications, a fresh QueryClient without retries, and a MemoryRouter.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { cleanup, render, type RenderOptions, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach } from 'vitest';
import { createQueryClient } from '../startup/queryClient.ts';

// Vitest runs without globals, so Testing Library cannot register its own cleanup: every test
// that renders through this helper unmounts before the next one starts.
afterEach(() => cleanup());

export interface RenderWithProvidersOptions extends Omit<RenderOptions, 'wrapper' | 'queries'> {
  /** The URL the router starts at (default "/"). */
  route?: string;
  /** A route pattern such as "/organizations/:organizationId", so `useParams` works. */
  path?: string;
  /** Default: the console's client with retries off (failures show at once). */
  queryClient?: QueryClient;
}

export interface RenderWithProvidersResult extends RenderResult {
  queryClient: QueryClient;
  user: ReturnType<typeof userEvent.setup>;
}

export function createTestQueryClient(): QueryClient {
  return createQueryClient({ retry: false });
}

export function TestProviders({
  children,
  queryClient,
  route = '/',
}: {
  children: ReactNode;
  queryClient: QueryClient;
  route?: string;
}) {
  return (
    <MantineProvider env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function renderWithProviders(
  ui: ReactElement,
  {
    route = '/',
    path,
    queryClient = createTestQueryClient(),
    ...options
  }: RenderWithProvidersOptions = {},
): RenderWithProvidersResult {
  const user = userEvent.setup();
  const content =
    path === undefined ? (
      ui
    ) : (
      <Routes>
        <Route path={path} element={ui} />
      </Routes>
    );
  const result = render(
    <TestProviders queryClient={queryClient} route={route}>
      {content}
    </TestProviders>,
    options,
  );
  return { ...result, queryClient, user };
}
