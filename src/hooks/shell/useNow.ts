// "Now" for relative times ("3 min ago"), moving on every `intervalMs`. While React adopts the
// server's HTML it is the server's clock (useServerRender), so the times match what it rendered.
import { useEffect, useState } from 'react';
import { useServerRender } from './useServerRender.ts';

export function useNow(intervalMs: number): number {
  const serverNowMs = useServerRender()?.nowMs;
  const [now, setNow] = useState(() => serverNowMs ?? Date.now());
  // A plain interval: Mantine's useInterval marks itself active with a state update once mounted,
  // which rendered the whole page a second time before its first paint (an organization opened
  // from the list: `npm run bench`).
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
