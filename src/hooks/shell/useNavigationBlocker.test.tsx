// useNavigationBlocker over the browser's own history (jsdom), as the console runs it: links and
// navigate() are held until the user decides; Back is undone, then held the same way.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { BrowserRouter, Link, Route, Routes, useNavigate } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installPopStateGate } from '../../lib/shell/popStateGate.ts';
import { useNavigationBlocker } from './useNavigationBlocker.ts';

beforeAll(() => installPopStateGate());
afterEach(() => cleanup());

function EditPage() {
  const [dirty, setDirty] = useState(false);
  const blocker = useNavigationBlocker(() => dirty);
  const navigate = useNavigate();
  return (
    <>
      <h1>Edit</h1>
      <button type="button" onClick={() => setDirty(true)}>
        Change something
      </button>
      <Link to="/elsewhere">Leave by link</Link>
      <button type="button" onClick={() => void navigate('/elsewhere', { replace: true })}>
        Leave by navigate
      </button>
      <Link to="/edit?tab=2">Same page, other query</Link>
      {blocker.state === 'blocked' && (
        <div role="dialog" aria-label="Leave?">
          <button type="button" onClick={blocker.reset}>
            Stay
          </button>
          <button type="button" onClick={blocker.proceed}>
            Leave
          </button>
        </div>
      )}
    </>
  );
}

function renderApp(startAt: '/start' | '/edit') {
  window.history.replaceState(null, '', '/start');
  const user = userEvent.setup();
  render(
    <BrowserRouter>
      <Routes>
        <Route path="/start" element={<Link to="/edit">Open the editor</Link>} />
        <Route path="/edit" element={<EditPage />} />
        <Route path="/elsewhere" element={<h1>Elsewhere</h1>} />
      </Routes>
    </BrowserRouter>,
  );
  if (startAt === '/edit') act(() => screen.getByRole('link', { name: 'Open the editor' }).click());
  return user;
}

describe('useNavigationBlocker', () => {
  it('lets every navigation through while there is nothing to lose', async () => {
    const user = renderApp('/edit');
    await user.click(screen.getByRole('link', { name: 'Leave by link' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
  });

  it('holds a link until the user decides: stay keeps the page, leave goes', async () => {
    const user = renderApp('/edit');
    await user.click(screen.getByRole('button', { name: 'Change something' }));
    await user.click(screen.getByRole('link', { name: 'Leave by link' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave?' });
    expect(window.location.pathname).toBe('/edit');

    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(dialog).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Edit' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Leave by navigate' }));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/elsewhere');
  });

  it('does not hold a navigation that stays on the same path', async () => {
    const user = renderApp('/edit');
    await user.click(screen.getByRole('button', { name: 'Change something' }));
    await user.click(screen.getByRole('link', { name: 'Same page, other query' }));
    expect(window.location.search).toBe('?tab=2');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('undoes Back and asks; leaving then goes back after all', async () => {
    const user = renderApp('/edit');
    await user.click(screen.getByRole('button', { name: 'Change something' }));
    act(() => window.history.back());
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/edit'));
    expect(screen.getByRole('heading', { name: 'Edit' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('link', { name: 'Open the editor' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/start');
  });
});
