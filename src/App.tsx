import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, StaticRouter } from 'react-router';
import { ServerRenderContext, type ServerRender } from './hooks/shell/useServerRender.ts';
import { AppErrorBoundary } from './pages/shell/AppErrorBoundary.tsx';
import { ToastHost } from './components/shell/ToastHost.tsx';
import { AppRoutes } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

export interface AppProps {
  queryClient: QueryClient;
  /** Renders this URL, without a browser's history (the console server's render of a page). */
  serverLocation?: string;
  /** The page's HTML was rendered with its data (startup/startData/startData.ts): render that data at once. */
  serverRender?: ServerRender | null;
}

/** Providers around the routes: theme (light/dark following the system), data cache, toasts. */
export function App({ queryClient, serverLocation, serverRender = null }: AppProps) {
  const routes = (
    <AppErrorBoundary>
      <AppRoutes />
    </AppErrorBoundary>
  );
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      <ToastHost />
      <QueryClientProvider client={queryClient}>
        <ServerRenderContext value={serverRender}>
          {serverLocation === undefined ? (
            // Navigations render at once, in the click's own task, rather than as a transition the
            // scheduler runs later in slices: an organization whose data is cached opens in ~35
            // instead of ~50 ms (bench). Pages opened from the list have their code preloaded
            // (router.tsx), so nothing waits in between.
            <BrowserRouter useTransitions={false}>{routes}</BrowserRouter>
          ) : (
            <StaticRouter location={serverLocation}>{routes}</StaticRouter>
          )}
        </ServerRenderContext>
      </QueryClientProvider>
    </MantineProvider>
  );
}
