// Toasts (Mantine notifications), whose code loads with the first one: they appear only after
// something failed, so the first page does not carry them (the list's JS budget).
import type { NotificationData } from '@mantine/notifications';

export type Toast = NotificationData;

export function showToast(toast: Toast): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(toast));
}
