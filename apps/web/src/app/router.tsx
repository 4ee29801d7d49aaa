import type { ComponentType } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { PAGE_ROUTES } from './page-routes';

const pages = import.meta.glob<Record<string, ComponentType>>(['../pages/*Page.tsx', '!../pages/HomePage.tsx', '!../pages/NotFoundPage.tsx']);

/**
 * Every page but the start page is its own chunk, loaded when its route is entered (the router waits for it, so
 * nothing flickers): a first visit downloads the shell and one page, not the whole app. A function, as the router
 * changes the route objects it is given when it loads a page.
 */
export const appRoutes = (): RouteObject[] => [
  {
    element: <AppLayout />,
    // Shown while the first page's chunk loads on a deep link.
    HydrateFallback: LoadingState,
    children: [
      { path: '/', element: <HomePage /> },
      ...PAGE_ROUTES.map(({ path, page }) => ({
        path,
        lazy: () => pages[`../pages/${page}.tsx`]!().then((m) => ({ Component: m[page] })),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The browser's router, with the current address's page already loaded: a page the server sent prerendered is
 * hydrated with the same tree it was rendered from, not with the fallback shown while a chunk loads.
 */
export async function createAppRouter() {
  const routes = appRoutes();
  const lazy = (matchRoutes(routes, window.location) ?? []).filter((m) => m.route.lazy);
  await Promise.all(
    lazy.map(async ({ route }) => {
      const loaded = await (route.lazy as () => Promise<Partial<RouteObject>>)();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
  return createBrowserRouter(routes);
}
