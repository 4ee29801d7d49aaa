import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { loadPageTexts } from '../i18n/i18n';
import { useFirstPaintDone } from './firstPaint';
import { preloadable } from './preloadable';

/*
 * Apollo and graphql-js (≈ 50 KB gzip) are not in the first script: the start and sign-in pages show without them,
 * and whatever needs data waits for them here. The texts of the feature pages come along at the same time.
 */
const apolloRoot = preloadable(() => Promise.all([import('./ApolloRoot'), loadPageTexts()]).then(([root]) => root.default));

/**
 * Apollo's provider, once Apollo is loaded. It suspends until then: a page waits for it in the frame's Suspense
 * boundary, like for its own chunk (during a navigation the previous page stays until both are there).
 */
export const ApolloRoot = apolloRoot.Component;

/** Loads Apollo and the feature texts ahead (before the first render of a page that needs them). */
export const preloadApollo = apolloRoot.preload;

/**
 * A part of the frame or of a first-visit page that needs data: nothing (the fallback) until Apollo is there, and
 * nothing if it cannot load (a failed download must not take the page around it down). Apollo is fetched for it only
 * after the first paint.
 */
export function WithApollo({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const painted = useFirstPaintDone();
  if (!painted) return fallback;
  return (
    <ErrorBoundary fallback={fallback}>
      <Suspense fallback={fallback}>
        <ApolloRoot>{children}</ApolloRoot>
      </Suspense>
    </ErrorBoundary>
  );
}

/** The client, for an action outside a component under `WithApollo` (a form submitted on the sign-in page). */
export async function loadApolloClient() {
  await preloadApollo();
  return (await import('./apollo')).apolloClient;
}
