import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrashScreen } from './CrashScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

let failing = true;
function Fragile() {
  if (failing) throw new Error('The page broke.');
  return <h1>The page again</h1>;
}

function renderBoundary(resetKey: string) {
  return (
    <MantineProvider env="test">
      <MemoryRouter>
        <ErrorBoundary
          resetKey={resetKey}
          fallback={(error, reset) => <CrashScreen error={error} onRetry={reset} homePath="/" />}
        >
          <Fragile />
        </ErrorBoundary>
      </MemoryRouter>
    </MantineProvider>
  );
}

// React reports caught render errors on the console; they are the point here.
beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  failing = true;
});

describe('ErrorBoundary with CrashScreen', () => {
  it('says what broke and renders the page again on Try again, without a reload', async () => {
    render(renderBoundary('/a'));
    expect(screen.getByRole('alert')).toHaveTextContent('The page broke.');
    expect(screen.getByText(/kept in this browser/)).toBeInTheDocument();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('heading', { name: 'The page again' })).toBeInTheDocument();
  });

  it('starts afresh on another page', () => {
    const { rerender } = render(renderBoundary('/a'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    failing = false;
    rerender(renderBoundary('/b'));
    expect(screen.getByRole('heading', { name: 'The page again' })).toBeInTheDocument();
  });
});
