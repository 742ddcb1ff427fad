import { act } from '@testing-library/react';
import { useState } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { recordEarlyInput } from './earlyInput.ts';

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

/** What a person's typing does to an input: a new value, then an input event. */
function type(input: HTMLInputElement, text: string): void {
  setValue.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function SearchField({ onText }: { onText: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <input
      aria-label="Search"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onText(event.target.value);
      }}
    />
  );
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

function serverRendered(onText: (text: string) => void): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<SearchField onText={onText} />);
  document.body.append(container);
  return container;
}

it('hands text typed before and during hydration to React as a change', async () => {
  const onText = vi.fn();
  const container = serverRendered(onText);
  const input = container.querySelector('input')!;
  type(input, 'ana'); // before the app's code ran
  const earlyInput = recordEarlyInput(container);
  type(input, 'anadolu'); // while React starts

  await act(async () => {
    root = hydrateRoot(container, <SearchField onText={onText} />);
  });
  act(() => earlyInput.replay());

  expect(onText).toHaveBeenLastCalledWith('anadolu');
  expect(input.value).toBe('anadolu');
  // React's own state has it: a later render keeps it.
  act(() => type(input, 'anadolu '));
  expect(input.value).toBe('anadolu ');
});

it('reports nothing when nothing was typed, and stops recording after the replay', async () => {
  const onText = vi.fn();
  const container = serverRendered(onText);
  const earlyInput = recordEarlyInput(container);
  await act(async () => {
    root = hydrateRoot(container, <SearchField onText={onText} />);
  });
  act(() => earlyInput.replay());
  expect(onText).not.toHaveBeenCalled();

  act(() => type(container.querySelector('input')!, 'x'));
  act(() => earlyInput.replay());
  expect(onText).toHaveBeenCalledTimes(1);
});
