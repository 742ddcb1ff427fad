// How many pages are waiting for their code (a lazily loaded route chunk), for the progress bar:
// with the declarative router there is no navigation state that says so.
import { useSyncExternalStore } from 'react';
import { createValueStore } from '../../lib/shared/valueStore.ts';

const waiting = createValueStore(0);

/** Counts one page waiting for its code; call the result when it has arrived. */
export function startPageCodeLoading(): () => void {
  waiting.set(waiting.get() + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    waiting.set(waiting.get() - 1);
  };
}

export function usePageCodeLoading(): boolean {
  return useSyncExternalStore(
    waiting.subscribe,
    () => waiting.get() > 0,
    () => false,
  );
}
