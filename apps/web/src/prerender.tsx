import { ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Observable } from 'rxjs';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { disableControls } from './app/prerendered';
import { PAGE_ROUTES } from './app/page-routes';
import { appRoutes } from './app/router';
import { theme } from './app/theme';
import { initGermanTexts } from './i18n/i18n';

/** The pages a server can send prerendered: their content does not depend on a parameter in the path. */
export const PRERENDERED_PATHS = ['/', ...PAGE_ROUTES.map((r) => r.path).filter((p) => !p.includes(':'))];

/**
 * The build renders each page without parameters as a visitor without a session sees it before any answer from
 * the API: German, signed out, data still loading. The server sends that HTML inside the page (web-app-page.ts), so
 * a phone paints the page while the scripts are still on their way; the browser then hydrates it (main.tsx).
 */
export async function prerender(path: string, styleNonce: string): Promise<string> {
  await initGermanTexts();
  const { query, dataRoutes } = createStaticHandler(appRoutes());
  const context = await query(new Request(new URL(path, 'http://localhost')));
  if (context instanceof Response) throw new Error(`${path} answers ${context.status}, not a page`);
  // Queries stay loading, as they are in the browser's first render.
  const client = createApolloClient(new ApolloLink(() => new Observable(() => undefined)));
  const html = renderToString(
    <StrictMode>
      <MantineProvider theme={theme} getStyleNonce={() => styleNonce}>
        <ApolloProvider client={client}>
          <StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} hydrate={false} />
        </ApolloProvider>
      </MantineProvider>
    </StrictMode>,
  );
  return disableControls(html);
}
