import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded component that renders at once when its module is already there. React's `lazy` suspends on its
 * first render even then, and a Suspense boundary that has shown its fallback reveals what arrived only 300 ms
 * later (React batches reveals): a page whose chunk came beside the first script would show that much later.
 * Not React's `use` on the download: after a failed one, each render would ask again with a new promise and never
 * reach the page's error boundary.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed download may be tried again (the page's error boundary offers it).
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Preloadable, preload };
}
