import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPage } from './lazyPage.tsx';
import { usePageCodeLoading } from './components/shell/pageCodeLoading.ts';

function Counter() {
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>clicked {count}</button>;
}

function CodeLoading() {
  return <p>{usePageCodeLoading() ? 'code loading' : 'code here'}</p>;
}

/** A page chunk that arrives when the test says so. */
function deferredPage() {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const page = lazyPage(async () => {
    await arrived;
    return Counter;
  });
  return { page, arrive };
}

afterEach(cleanup);

describe('lazyPage', () => {
  it('renders a preloaded page at once, in the same render', async () => {
    const { page, arrive } = deferredPage();
    arrive();
    await page.preload();
    render(<page.Page />);
    // No act() waiting: the first render already has it.
    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
  });

  it('leaves the place empty with the progress bar until the code arrives, then shows the page', async () => {
    const { page, arrive } = deferredPage();
    render(
      <>
        <CodeLoading />
        <page.Page />
      </>,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('code loading')).toBeInTheDocument();
    await act(async () => arrive());
    expect(await screen.findByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
    expect(screen.getByText('code here')).toBeInTheDocument();
  });

  it('keeps the state of a page that was shown before its code was preloaded', async () => {
    const { page, arrive } = deferredPage();
    const { rerender } = render(<page.Page />);
    await act(async () => arrive());
    await act(async () => screen.getByRole('button').click());
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeInTheDocument();
    // The code is loaded now: a later render must not swap the page for a fresh one.
    rerender(<page.Page />);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeInTheDocument();
  });
});
