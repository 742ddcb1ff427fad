import { useEffect, useRef, useState, type ComponentType } from 'react';
import {
  checkServerAfterFailure,
  isConnected,
  useServerConnection,
} from './hooks/shell/useServerConnection.ts';
import { CodeLoadFailure } from './components/shell/CodeLoadFailure.tsx';
import { startPageCodeLoading } from './components/shell/pageCodeLoading.ts';

export interface LazyComponent<Props extends object> {
  /** The component: its code loads on first render (progress bar meanwhile) unless preloaded. */
  Component: ComponentType<Props>;
  /** Fetches the code ahead of need; a failed fetch may be tried again. */
  preload(): Promise<unknown>;
}

/**
 * A component whose code is its own chunk. Navigations render synchronously (App.tsx), so a
 * component whose code is not here yet leaves its place empty, with the progress bar, until it
 * arrives; preloaded, it renders at once, with no fallback in between. Code that cannot be
 * fetched (the server is away, a deploy replaced the chunk) is said in its place (`what` could
 * not be loaded), with "Try again", and tried again by itself when the server answers again;
 * React.lazy would keep the failure for good.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  what: string,
): LazyComponent<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  function Component(props: Props) {
    // Once here, never swapped: the component keeps its state across renders.
    const [Loaded, setLoaded] = useState<ComponentType<Props> | undefined>(() => loaded);
    const [failure, setFailure] = useState<unknown>();
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Loaded !== undefined) return;
      let current = true;
      const done = startPageCodeLoading();
      preload().then(
        (component) => {
          done();
          if (current) setLoaded(() => component);
        },
        (error: unknown) => {
          done();
          if (current) setFailure(error ?? new Error(`${what} could not be loaded.`));
        },
      );
      return () => {
        current = false;
        done();
      };
    }, [Loaded, attempt]);

    if (Loaded !== undefined) return <Loaded {...props} />;
    if (failure === undefined) return null;
    return (
      <CodeLoadFailureRetried
        what={what}
        error={failure}
        onRetry={() => {
          setFailure(undefined);
          setAttempt((count) => count + 1);
        }}
      />
    );
  }
  return { Component, preload };
}

interface CodeLoadFailureRetriedProps {
  what: string;
  error: unknown;
  onRetry: () => void;
}

/** The failure said, the server checked at once, and the code fetched again when it answers. */
function CodeLoadFailureRetried({ what, error, onRetry }: CodeLoadFailureRetriedProps) {
  const connection = useServerConnection();
  const retry = useRef(onRetry);
  useEffect(() => {
    retry.current = onRetry;
  });
  // Was it the server? The banner says so at once if it was.
  useEffect(() => checkServerAfterFailure(), []);
  const backAtMs = connection.backAtMs;
  useEffect(() => {
    if (backAtMs !== null) retry.current();
  }, [backAtMs]);
  return (
    <CodeLoadFailure
      what={what}
      error={error}
      onRetry={onRetry}
      connected={isConnected(connection)}
    />
  );
}

export interface LazyPage {
  Page: ComponentType;
  preload(): Promise<unknown>;
}

/** A page whose code is its own chunk (see lazyComponent). */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  const { Component, preload } = lazyComponent<Record<string, never>>(load, 'This page');
  return { Page: Component as ComponentType, preload };
}
