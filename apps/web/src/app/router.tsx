import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { PAGE_ROUTES } from './page-routes';

const pages = import.meta.glob<Record<string, ComponentType>>(['../pages/*Page.tsx', '!../pages/HomePage.tsx', '!../pages/NotFoundPage.tsx']);

/*
 * Every page but the start page is its own chunk, loaded when its route is entered (the router waits for it, so
 * nothing flickers): a first visit downloads the shell and one page, not the whole app.
 */
export const router = createBrowserRouter([
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
]);
