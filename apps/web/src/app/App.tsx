import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { setNonce } from 'get-nonce';
import { useEffect } from 'react';
import type { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo';
import { enablePrerenderedControls } from './prerendered';
import { theme } from './theme';

const client = createApolloClient();

/** Mantine's style tags carry the nonce the server put into this page's CSP. */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
// The style tag that keeps the page from scrolling behind a modal (react-remove-scroll) takes its nonce from here.
setNonce(styleNonce());

export function App({ router }: { router: ReturnType<typeof createBrowserRouter> }) {
  // Runs once the whole page is hydrated: from now on its buttons and fields do what they show.
  useEffect(enablePrerenderedControls, []);
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  );
}
