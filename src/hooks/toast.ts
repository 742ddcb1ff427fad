// Toasts (Mantine notifications), whose code loads with the first one: they appear only after
// something failed, so the first page carries neither the store nor the toast host.
import type { NotificationData } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';

export type Toast = NotificationData;

let wanted = false;
const listeners = new Set<() => void>();

export function showToast(toast: Toast): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  import('@mantine/notifications')
    .then(({ notifications }) => notifications.show(toast))
    // Its code could not be fetched (offline, or a deploy replaced the chunk): the toast is lost,
    // as the request it reports on was; nothing on screen changes, and nothing else should fail.
    .catch(() => undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a toast has been asked for yet (until then the toast host need not load). */
export function useToastsWanted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
}
