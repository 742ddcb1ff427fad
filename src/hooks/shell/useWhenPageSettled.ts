// Runs `callback` once the page's data has settled and the browser is idle (whenPageSettled.ts),
// for components that start optional work then (the quick lookup's palette code).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { whenPageSettled } from '../../lib/shell/whenPageSettled.ts';

/** `callback` must be stable (a module function or a memoized one). */
export function useWhenPageSettled(callback: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => whenPageSettled(queryClient, callback), [queryClient, callback]);
}
