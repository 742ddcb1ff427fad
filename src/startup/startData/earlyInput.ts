// Text typed into the page the server rendered (prerender.tsx) before React adopts it. React keeps
// it in the box while hydrating, but its state still holds the rendered value, which its next
// render puts back. So main.tsx starts recording before hydrateRoot, and the replay hands the text
// to React as an input event once the page is React's: the path of a keystroke (the search box
// searches for it).

export interface EarlyInput {
  /** Puts the recorded text back into its inputs, and stops recording. */
  replay(): void;
}

const setInputValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

export function recordEarlyInput(root: HTMLElement): EarlyInput {
  const typed = new Map<HTMLInputElement, string>();
  // Typed before this code ran: the value differs from the one in the HTML.
  for (const input of root.querySelectorAll('input')) {
    if (input.value !== input.defaultValue) typed.set(input, input.value);
  }
  const record = (event: Event) => {
    if (event.target instanceof HTMLInputElement) typed.set(event.target, event.target.value);
  };
  root.addEventListener('input', record, true);
  return {
    replay() {
      root.removeEventListener('input', record, true);
      for (const [input, value] of typed) {
        // Hydration leaves typed text in place, but React's state still holds the server's value
        // and would put it back on its next render: the text must reach React as a change.
        if (!input.isConnected || value === input.defaultValue) continue;
        // React's value tracking learns the value it rendered, the prototype's setter bypasses
        // it, so the input event is reported to onChange as the change it is.
        input.value = input.defaultValue;
        setInputValue?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      typed.clear();
    },
  };
}
