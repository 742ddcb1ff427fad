// "Now" for relative times ("3 min ago"), moving on every `intervalMs`. While React adopts the
// server's HTML it is the server's clock (useServerRender), so the times match what it rendered.
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { useServerRender } from './useServerRender.ts';

export function useNow(intervalMs: number): number {
  const serverNowMs = useServerRender()?.nowMs;
  const [now, setNow] = useState(() => serverNowMs ?? Date.now());
  useInterval(() => setNow(Date.now()), intervalMs, { autoInvoke: true });
  return now;
}
