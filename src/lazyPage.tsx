import { lazy, Suspense, useState, type ComponentType } from 'react';
import { PageCodeLoading } from './components/shell/PageCodeLoading.tsx';

export interface LazyPage {
  /** The page: its code loads on first render (PageCodeLoading meanwhile) unless preloaded. */
  Page: ComponentType;
  /** Fetches the page's code ahead of need; a failed fetch may be tried again. */
  preload(): Promise<unknown>;
}

/**
 * A page whose code is its own chunk. Navigations render synchronously (App.tsx), so a page whose
 * code is not here yet shows its place empty, with the progress bar, until it arrives; preloaded,
 * it renders at once, with no fallback in between.
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
  const Suspended = lazy(async () => ({ default: await preload() }));

  function Page() {
    // Chosen once per mount: switching from the suspended form to the loaded one would remount
    // the page and lose its state.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<PageCodeLoading />}>
        <Suspended />
      </Suspense>
    );
  }
  return { Page, preload };
}
