import { useEffect, useState, type ComponentType } from 'react';
import { CodeLoadFailure } from './components/shell/CodeLoadFailure.tsx';
import { startPageCodeLoading } from './components/shell/pageCodeLoading.ts';

export interface LazyPage {
  /** The page: its code loads on first render (progress bar meanwhile) unless preloaded. */
  Page: ComponentType;
  /** Fetches the page's code ahead of need; a failed fetch may be tried again. */
  preload(): Promise<unknown>;
}

/**
 * A page whose code is its own chunk. Navigations render synchronously (App.tsx), so a page whose
 * code is not here yet shows its place empty, with the progress bar, until it arrives; preloaded,
 * it renders at once, with no fallback in between. Code that cannot be fetched (the server is
 * away, a deploy replaced the chunk) is said inside the layout, with "Try again", and tried again
 * by itself when the server answers again; React.lazy would keep the failure for good.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => {
    loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  function Page() {
    // Once here, never swapped: the page keeps its state across renders.
    const [Loaded, setLoaded] = useState<ComponentType | undefined>(() => loaded);
    const [failure, setFailure] = useState<unknown>();
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Loaded !== undefined) return;
      let current = true;
      const done = startPageCodeLoading();
      preload().then(
        (page) => {
          done();
          if (current) setLoaded(() => page);
        },
        (error: unknown) => {
          done();
          if (current) setFailure(error ?? new Error('The page could not be loaded.'));
        },
      );
      return () => {
        current = false;
        done();
      };
    }, [Loaded, attempt]);

    if (Loaded !== undefined) return <Loaded />;
    if (failure === undefined) return null;
    return (
      <CodeLoadFailure
        what="This page"
        error={failure}
        onRetry={() => {
          setFailure(undefined);
          setAttempt((count) => count + 1);
        }}
      />
    );
  }
  return { Page, preload };
}
