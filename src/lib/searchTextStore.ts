/** The text of a search box, readable and watchable outside React's rendering. */
export interface SearchTextStore {
  get(): string;
  /** Sets the text; listeners hear of it only when it changed. */
  set(text: string): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * A tiny external store for text that changes with every keystroke. Only the components that
 * subscribe to it (the box, the results) re-render as one types, not the page that owns it,
 * so a keystroke costs as little as the few elements that show the text.
 */
export function createSearchTextStore(initial: string): SearchTextStore {
  let text = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    set(next) {
      if (next === text) return;
      text = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
