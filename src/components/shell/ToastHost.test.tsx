// Toasts whose code cannot be fetched (the server is away) are still shown, as plain text, and
// nothing else fails: the module is made to fail to load here, as a failed chunk fetch does.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../hooks/shell/useToasts.ts';
import { ToastHost } from './ToastHost.tsx';

vi.mock('@mantine/notifications', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

describe('ToastHost when the toasts’ code cannot be fetched', () => {
  it('shows the toast as plain text, which can be closed', async () => {
    render(
      <MantineProvider env="test">
        <p>The page</p>
        <ToastHost />
      </MantineProvider>,
    );
    act(() =>
      showToast({ id: 'saved', color: 'green', title: 'Saved', message: 'Changes are saved.' }),
    );
    const toast = await screen.findByText('Changes are saved.');
    expect(screen.getByText('Saved')).toBeInTheDocument();
    expect(screen.getByText('The page')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close this notification' }));
    expect(toast).not.toBeInTheDocument();
  });
});
