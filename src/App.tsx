import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, StaticRouter } from 'react-router';
import { AppErrorBoundary } from './pages/AppErrorBoundary.tsx';
import { ToastHost } from './components/shell/ToastHost.tsx';
import { AppRoutes } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

export interface AppProps {
  queryClient: QueryClient;
  /** Renders this URL, without a browser's history (the console server's render of a page). */
  serverLocation?: string;
}

/** Providers around the routes: theme (light/dark following the system), data cache, toasts. */
export function App({ queryClient, serverLocation }: AppProps) {
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
        {serverLocation === undefined ? (
          <BrowserRouter>{routes}</BrowserRouter>
        ) : (
          <StaticRouter location={serverLocation}>{routes}</StaticRouter>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
