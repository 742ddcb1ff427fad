// How many pages are waiting for their code (a lazily loaded route chunk), for the progress bar:
// with the declarative router there is no navigation state that says so.
import { useSyncExternalStore } from 'react';

let waiting = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Counts one page waiting for its code; call the result when it has arrived. */
export function startPageCodeLoading(): () => void {
  waiting += 1;
  notify();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    waiting -= 1;
    notify();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePageCodeLoading(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => waiting > 0,
    () => false,
  );
}
