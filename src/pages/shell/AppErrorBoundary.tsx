import type { ReactNode } from 'react';
import { CrashScreen } from '../../components/shell/CrashScreen.tsx';
import { ErrorBoundary } from '../../components/shell/ErrorBoundary.tsx';

/**
 * The last line: catches what the shell itself throws while rendering (each page has its own
 * boundary inside the layout, AppLayout.tsx) and shows CrashScreen instead of a blank window,
 * with a way to try again without reloading.
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <CrashScreen error={error} onRetry={reset} homePath="/" />
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
