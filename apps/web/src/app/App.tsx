import { MantineProvider } from '@mantine/core';
import { setNonce } from 'get-nonce';
import { useEffect } from 'react';
import { FIRST_VIEW } from './frame';
import { AppRouter } from './router';
import { theme } from './theme';

/** Mantine's style tags carry the nonce the server put into this page's CSP. */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
// The style tag that keeps the page from scrolling behind a modal (react-remove-scroll) takes its nonce from here.
setNonce(styleNonce());

export function App() {
  // The server's first view of the page is the app's now (main.tsx).
  useEffect(() => document.getElementById('root')?.removeAttribute(FIRST_VIEW), []);
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce}>
      <AppRouter />
    </MantineProvider>
  );
}
