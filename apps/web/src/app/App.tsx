import { MantineProvider } from '@mantine/core';
import { setNonce } from 'get-nonce';
import { useLayoutEffect } from 'react';
import { AppRouter } from './router';
import { theme } from './theme';

/** Mantine's style tags carry the nonce the server put into this page's CSP. */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
// The style tag that keeps the page from scrolling behind a modal (react-remove-scroll) takes its nonce from here.
setNonce(styleNonce());

export function App() {
  // The server's first view of the page was inert until this render replaced it (web-app-page.ts in the API).
  useLayoutEffect(() => document.getElementById('root')?.removeAttribute('inert'), []);
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce}>
      <AppRouter />
    </MantineProvider>
  );
}
