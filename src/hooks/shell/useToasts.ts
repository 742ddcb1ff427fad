// Toasts (Mantine notifications), whose code loads with the first one: they appear only after
// something happened, so the first page carries neither the store nor the toast host. When that
// code cannot be fetched (the server is away, a deploy replaced the chunk), the toast is still
// shown, as plain text in a fallback host (ToastHost), and nothing else fails.
import type { NotificationData, Notifications, notifications } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';
import { createValueStore } from '../../lib/shared/valueStore.ts';
import { checkServerAfterFailure } from './useServerConnection.ts';

export type Toast = NotificationData;

interface NotificationsModule {
  notifications: typeof notifications;
  Notifications: typeof Notifications;
}

/** Set by the first toast. */
const wanted = createValueStore(false);
/** Toasts whose code could not be fetched: shown by ToastHost's fallback. */
const fallbackToasts = createValueStore<readonly Toast[]>([]);
/** The fallback keeps this many at most (the newest). */
const MAX_FALLBACK_TOASTS = 3;

let loading: Promise<NotificationsModule> | undefined;

/** The notifications code, fetched once; a failed fetch is tried again next time. */
export function loadNotifications(): Promise<NotificationsModule> {
  loading ??= import('@mantine/notifications').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

let fallbackIds = 0;

export function showToast(toast: Toast): void {
  wanted.set(true);
  loadNotifications().then(
    ({ notifications }) => notifications.show(toast),
    () => {
      const shown = { ...toast, id: toast.id ?? `fallback-${(fallbackIds += 1)}` };
      const others = fallbackToasts.get().filter((other) => other.id !== shown.id);
      fallbackToasts.set([...others, shown].slice(-MAX_FALLBACK_TOASTS));
      checkServerAfterFailure();
    },
  );
}

export function dismissFallbackToast(id: string | undefined): void {
  fallbackToasts.set(fallbackToasts.get().filter((toast) => toast.id !== id));
}

/** Whether a toast has been asked for yet (until then the toast host need not load). */
export function useToastsWanted(): boolean {
  return useSyncExternalStore(wanted.subscribe, wanted.get, () => false);
}

const NONE: readonly Toast[] = [];

export function useFallbackToasts(): readonly Toast[] {
  return useSyncExternalStore(fallbackToasts.subscribe, fallbackToasts.get, () => NONE);
}
