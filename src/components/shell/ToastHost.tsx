import { useEffect, useState, type ComponentType } from 'react';
import {
  dismissFallbackToast,
  loadNotifications,
  useFallbackToasts,
  useToastsWanted,
} from '../../hooks/shell/useToasts.ts';
import classes from './ToastHost.module.css';

type NotificationsHost = ComponentType<{ position: 'bottom-right' }>;

/**
 * Where toasts appear (bottom right); mounted, and its code loaded, with the first toast. Toasts
 * whose code could not be fetched are shown here as plain text, each with a close button.
 */
export function ToastHost() {
  const wanted = useToastsWanted();
  const fallback = useFallbackToasts();
  const [Host, setHost] = useState<NotificationsHost>();
  useEffect(() => {
    if (!wanted || Host !== undefined) return;
    let current = true;
    loadNotifications().then(
      (module) => {
        if (current) setHost(() => module.Notifications);
      },
      // Said by the fallback with the toast that wanted it; the next toast tries again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, Host, fallback]);

  return (
    <>
      {Host !== undefined && <Host position="bottom-right" />}
      {fallback.length > 0 && (
        <div className={classes.fallback} role="status">
          {fallback.map((toast) => (
            <div key={toast.id} className={classes.toast} data-color={toast.color ?? 'blue'}>
              <div className={classes.body}>
                {toast.title !== undefined && <p className={classes.title}>{toast.title}</p>}
                <p className={classes.message}>{toast.message}</p>
              </div>
              <button
                type="button"
                className={`${classes.close} mantine-focus-auto`}
                aria-label="Close this notification"
                onClick={() => dismissFallbackToast(toast.id)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
