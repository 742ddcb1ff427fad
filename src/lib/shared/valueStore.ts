/** A value readable and watchable outside React's rendering. */
export interface ValueStore<T> {
  get(): T;
  /** Sets the value; listeners hear of it only when it changed (`Object.is`). */
  set(value: T): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * A tiny external store (for `useSyncExternalStore`). Only the components that subscribe to it
 * re-render when it changes, not the one that owns it: e.g. a search box's text changes with
 * every keystroke, and only the box and the results follow it, not the page.
 */
export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
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
