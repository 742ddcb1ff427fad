import { lazy, Suspense } from 'react';
import { useToastsWanted } from '../../hooks/toast.ts';

const Notifications = lazy(async () => ({
  default: (await import('@mantine/notifications')).Notifications,
}));

/** Where toasts appear (bottom right); mounted, and its code loaded, with the first toast. */
export function ToastHost() {
  const wanted = useToastsWanted();
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="bottom-right" />
    </Suspense>
  );
}
