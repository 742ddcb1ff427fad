import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenPageSettled } from './whenPageSettled.ts';

/** A query watched as by a mounted component, answered when the test says. */
function pendingQuery(queryClient: QueryClient, key: string) {
  let answer: (value: string) => void = () => {};
  const observer = new QueryObserver(queryClient, {
    queryKey: [key],
    queryFn: () =>
      new Promise<string>((resolve) => {
        answer = resolve;
      }),
    retry: false,
  });
  const unsubscribe = observer.subscribe(() => {});
  return { answer: (value: string) => answer(value), unsubscribe };
}

/** Lets the query cache and its promises move on, with fake timers. */
async function settleFor(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

let queryClient: QueryClient;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  });
  queryClient = new QueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

describe('whenPageSettled', () => {
  it('waits for the page’s first data, then a painted frame and an idle moment', async () => {
    const settled = vi.fn();
    const list = pendingQuery(queryClient, 'list');
    whenPageSettled(queryClient, settled);

    await settleFor(1_000);
    expect(settled).not.toHaveBeenCalled();

    list.answer('rows');
    await settleFor(0);
    expect(settled).not.toHaveBeenCalled();
    // A frame, then the idle moment (a short timer where requestIdleCallback is missing).
    await settleFor(100);
    expect(settled).toHaveBeenCalledTimes(1);
    await settleFor(10_000);
    expect(settled).toHaveBeenCalledTimes(1);
    list.unsubscribe();
  });

  it('does not count a query no mounted component watches (a prefetch, say)', async () => {
    const settled = vi.fn();
    await queryClient.prefetchQuery({ queryKey: ['prefetched'], queryFn: () => 'unwatched' });
    const list = pendingQuery(queryClient, 'list');
    whenPageSettled(queryClient, settled);
    await settleFor(1_000);
    expect(settled).not.toHaveBeenCalled();
    list.answer('rows');
    await settleFor(100);
    expect(settled).toHaveBeenCalledTimes(1);
    list.unsubscribe();
  });

  it('waits while anything is still being fetched', async () => {
    const settled = vi.fn();
    const list = pendingQuery(queryClient, 'list');
    const detail = pendingQuery(queryClient, 'detail');
    whenPageSettled(queryClient, settled);
    list.answer('rows');
    await settleFor(1_000);
    expect(settled).not.toHaveBeenCalled();
    detail.answer('organization');
    await settleFor(100);
    expect(settled).toHaveBeenCalledTimes(1);
    list.unsubscribe();
    detail.unsubscribe();
  });

  it('goes ahead after the fallback delay on a page that fetches nothing', async () => {
    const settled = vi.fn();
    whenPageSettled(queryClient, settled, { fallbackMs: 3_000 });
    await settleFor(2_900);
    expect(settled).not.toHaveBeenCalled();
    await settleFor(200);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('never calls back once cancelled', async () => {
    const settled = vi.fn();
    const list = pendingQuery(queryClient, 'list');
    const cancel = whenPageSettled(queryClient, settled);
    list.answer('rows');
    await settleFor(0);
    cancel();
    await settleFor(10_000);
    expect(settled).not.toHaveBeenCalled();
    list.unsubscribe();
  });
});
