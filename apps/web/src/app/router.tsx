import type { ApolloClient } from '@apollo/client';
import type { ComponentType } from 'react';
import { BrowserRouter, matchRoutes, Route, Routes, type Params } from 'react-router';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { FIRST_VISIT_PAGES, PAGE_ROUTES } from './page-routes';
import { preloadable } from './preloadable';
import { ApolloRoot, preloadApollo } from './WithApollo';

/** A page module: the page component under its name, and optionally the page's first query to send ahead. */
type PageModule = Record<string, unknown> & { prefetch?: (client: ApolloClient, params: Params) => Promise<void> };

const pages = import.meta.glob<PageModule>(['../pages/*Page.tsx', '!../pages/HomePage.tsx', '!../pages/NotFoundPage.tsx']);

/*
 * Every page but the start page is its own chunk, loaded when its route is entered. Navigations run in a transition
 * and the frame's Suspense boundary is already shown, so the previous page stays until the next one's chunk is there
 * (nothing flickers); only a deep link shows the loading state. Declarative routes, not a data router: its loaders
 * and actions would be 50 kB more script before the first page shows, for nothing this app uses.
 */
const LAZY_PAGES = PAGE_ROUTES.map(({ path, page }) => {
  const load = () => pages[`../pages/${page}.tsx`]!();
  const { Component, preload } = preloadable(() => load().then((m) => m[page] as ComponentType));
  return { path, page, Page: Component, preload, load };
});

/** The page the router shows at `pathname` (undefined for the start page and unknown paths). */
export const pageAt = (pathname: string) => matchRoutes(LAZY_PAGES, pathname)?.[0]?.route.page;

/**
 * Loads what the page at `pathname` needs before it can show (its chunk, and Apollo unless it is a first-visit page).
 * The first render waits for it: the server announced those chunks with the page, so they come beside the first
 * script, and the page then shows in the first paint instead of a loading state first. The answers the server's
 * render of the page used go into the cache; a page that exports `prefetch` has its first query sent now, while
 * React renders, instead of after the render. The server passes its client for the request and waits for `data`.
 */
export async function preloadRoute(pathname: string, client?: ApolloClient): Promise<{ data?: Promise<void> }> {
  const match = matchRoutes(LAZY_PAGES, pathname)?.[0];
  if (!match) return {};
  const { route, params } = match;
  const apollo = FIRST_VISIT_PAGES.includes(route.page) ? undefined : preloadApollo();
  const [page] = await Promise.all([route.load(), route.preload(), apollo]);
  if (!apollo) return {};
  if (!client) {
    const tab = await import('./apollo');
    tab.adoptPrerenderState();
    client = tab.apolloClient;
  }
  return { data: page.prefetch?.(client, params) };
}

/** The app's routes, under the browser's router in the tab and under a static one on the server. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/" element={<HomePage />} />
        {LAZY_PAGES.map(({ path, page, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              FIRST_VISIT_PAGES.includes(page) ? (
                <Page />
              ) : (
                <ApolloRoot>
                  <Page />
                </ApolloRoot>
              )
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
