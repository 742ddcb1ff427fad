// Toasts (Mantine notifications), whose code loads with the first one: they appear only after
// something failed, so the first page carries neither the store nor the toast host.
import type { NotificationData } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';
import { createValueStore } from '../lib/valueStore.ts';

export type Toast = NotificationData;

/** Set by the first toast. */
const wanted = createValueStore(false);

export function showToast(toast: Toast): void {
  wanted.set(true);
  import('@mantine/notifications')
    .then(({ notifications }) => notifications.show(toast))
    // Its code could not be fetched (offline, or a deploy replaced the chunk): the toast is lost,
    // as the request it reports on was; nothing on screen changes, and nothing else should fail.
    .catch(() => undefined);
}

/** Whether a toast has been asked for yet (until then the toast host need not load). */
export function useToastsWanted(): boolean {
  return useSyncExternalStore(wanted.subscribe, wanted.get, () => false);
}
