import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyComponent, lazyPage } from './lazyPage.tsx';
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

  it('says inside the page that its code could not be fetched, and Try again fetches it', async () => {
    let attempts = 0;
    const page = lazyPage(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Counter;
    });
    render(
      <MantineProvider env="test">
        <CodeLoading />
        <page.Page />
      </MantineProvider>,
    );
    const failure = await screen.findByRole('alert');
    expect(failure).toHaveTextContent('This page could not be loaded');
    expect(failure).toHaveTextContent('Failed to fetch dynamically imported module');
    expect(screen.getByText('code here')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it('hands its props to a lazily loaded component', async () => {
    const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;
    const lazy = lazyComponent<{ name: string }>(async () => Greeting, 'The greeting');
    await lazy.preload();
    render(<lazy.Component name="Ann" />);
    expect(screen.getByText('Hello Ann')).toBeInTheDocument();
  });
});
