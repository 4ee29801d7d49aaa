import { use, type ComponentType } from 'react';

/**
 * A lazily loaded component that renders at once when its module is already there. React's `lazy` suspends on its
 * first render even then, and a Suspense boundary that has shown its fallback reveals what arrived only 300 ms
 * later (React batches reveals): a page whose chunk came beside the first script would show that much later.
 * Until then it suspends on the download (`use`); the element's type is always the component itself.
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

  function Preloadable(props: P) {
    const Component = loaded ?? use(preload());
    return <Component {...props} />;
  }
  return { Component: Preloadable, preload };
}
